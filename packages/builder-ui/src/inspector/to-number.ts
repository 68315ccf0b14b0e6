/**
 * Typed text as a number when it reads as one, else the text itself: a
 * value like "12,5" is kept so validation can point at it rather than it
 * vanishing.
 */
export function toNumber(text: string): number | string {
  const trimmed = text.trim();
  const parsed = Number(trimmed);
  return trimmed !== '' && Number.isFinite(parsed) ? parsed : text;
}
