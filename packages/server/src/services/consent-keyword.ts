/**
 * Consent keywords in inbound messages: any case, surrounding spaces
 * ignored, the whole message being the keyword.
 */

/** Words that opt the customer out at once. */
export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
] as const;

/** Words that opt the customer back in. */
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const;

/** Words answered with the configured help text. */
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

/** What a keyword asks for. */
export type KeywordAction = 'opt_out' | 'opt_in' | 'help';

/** The keyword a message is, with its action; null for other messages. */
export function readKeyword(
  body: string,
): { keyword: string; action: KeywordAction } | null {
  const word = body.trim().toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) {
    return { keyword: word, action: 'opt_out' };
  }
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) {
    return { keyword: word, action: 'opt_in' };
  }
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) {
    return { keyword: word, action: 'help' };
  }

  return null;
}
