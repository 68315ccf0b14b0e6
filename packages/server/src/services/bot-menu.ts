/**
 * The bot's numbered menu, built from the products on a Customer's
 * Orders, and reading the Customer's choice from a reply. Pure: the bot
 * service does the reading and sending.
 */

/** What choosing a menu item does. */
export type BotAction =
  | { kind: 'help-template'; templateId: string }
  | { kind: 'open-case' }
  | { kind: 'handover' };

/** One numbered item of the menu. */
export interface BotMenuItem {
  number: number;
  label: string;
  /** The product the item is about; null for "talk to a person". */
  product: string | null;
  action: BotAction;
}

/** A help Template the bot may send, by id and name. */
export interface HelpTemplate {
  id: string;
  name: string;
}

/** At most this many product items, so the menu fits one message. */
const MAX_PRODUCT_ITEMS = 5;

/** The label of the last item, which hands over to an Agent. */
export const HANDOVER_LABEL = 'talk to a person';

/** The id of the help Template for a product: `help-` and its slug. */
export function helpTemplateId(product: string): string {
  const slug = product
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `help-${slug}`;
}

/**
 * One item per distinct product (a help Template when the library has
 * one, else opening a case), then "talk to a person".
 */
export function buildBotMenu(
  products: string[],
  helpTemplates: HelpTemplate[],
): BotMenuItem[] {
  const distinct = [...new Set(products.map((item) => item.trim()))]
    .filter((item) => item !== '')
    .slice(0, MAX_PRODUCT_ITEMS);
  const items: BotMenuItem[] = distinct.map((product, index) => {
    const help = helpTemplates.find((t) => t.id === helpTemplateId(product));
    return {
      number: index + 1,
      label: help ? help.name : `${product} support`,
      product,
      action: help
        ? { kind: 'help-template', templateId: help.id }
        : { kind: 'open-case' },
    };
  });
  items.push({
    number: items.length + 1,
    label: HANDOVER_LABEL,
    product: null,
    action: { kind: 'handover' },
  });
  return items;
}

/** The menu as one message: a thank-you and the numbered items. */
export function formatBotMenu(firstName: string | null, menu: BotMenuItem[]) {
  const greeting = firstName
    ? `Thanks, ${firstName}!`
    : 'Thanks for your reply!';
  const lines = menu.map((item) => `${item.number} ${item.label}`);
  return `${greeting} How can we help? Reply with a number:\n${lines.join('\n')}`;
}

/**
 * The item a reply chooses: its number ("2", "2.", "option 2") or its
 * label's words ("person", "panel cleaning"); null when unclear.
 */
export function readBotChoice(
  reply: string,
  menu: BotMenuItem[],
): BotMenuItem | null {
  const text = reply.trim().toLowerCase();
  const number = /^(?:option\s*)?#?(\d{1,2})[.)]?$/.exec(text);
  if (number) {
    return menu.find((item) => item.number === Number(number[1])) ?? null;
  }

  const matching = menu.filter((item) => {
    const label = item.label.toLowerCase();
    return label === text || (text.length >= 4 && label.includes(text));
  });
  if (matching.length === 1) {
    return matching[0];
  }
  if (/\b(person|human|agent|someone)\b/.test(text)) {
    return menu.find((item) => item.action.kind === 'handover') ?? null;
  }

  return null;
}
