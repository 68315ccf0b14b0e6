/**
 * The bot's turn in a Conversation opened by a reply to a triggered
 * message. First it thanks the Customer and offers a numbered menu built
 * from the products on their Orders; then it reads the choice: a help
 * Template is sent, a support Case is opened, or the Conversation is
 * handed to an Agent with the choice attached. It stays silent once an
 * Agent has replied, and a consent keyword has already ended its menu.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import {
  findCustomer,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import {
  findConversation,
  findMessageBody,
  updateConversation,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import { listOrderedProducts } from '../repositories/customer-record-repository.js';
import { findObjectType } from '../repositories/object-type-repository.js';
import { listTemplates } from '../repositories/template-repository.js';
import {
  buildBotMenu,
  formatBotMenu,
  readBotChoice,
  type BotMenuItem,
} from './bot-menu.js';
import {
  conversationMergeContext,
  renderForConversation,
} from './conversation-renderer.js';
import { queueOutboundMessage } from './conversation-outbound.js';
import { loadConversationPolicy } from './conversation-policy.js';
import { routeConversation } from './conversation-routing.js';
import { applyRecordChange } from './record-service.js';

/** What the bot remembers between turns. */
type BotState =
  | { stage: 'greet' }
  | { stage: 'menu'; menu: BotMenuItem[] }
  | { stage: 'done'; choice: string };

/** Plays the bot's turn for message `messageId`; safe to repeat. */
export async function playBotTurn(
  deps: { db: Db; log: Logger },
  conversationId: string,
  messageId: string,
) {
  const caseId = await openCaseIfChosen(deps.db, conversationId, messageId);
  await deps.db.transaction().execute(async (trx) => {
    const conversation = await findConversation(trx, conversationId, true);
    const state = conversation?.bot_state as BotState | null | undefined;
    if (!conversation || !state || conversation.agent_replied_at) {
      return;
    }
    if (conversation.status !== 'open' || state.stage === 'done') {
      return;
    }

    const customer = await findCustomer(trx, conversation.customer_id);
    if (!customer) {
      return;
    }

    if (state.stage === 'greet') {
      await offerMenu(trx, conversation, customer);
      return;
    }

    const reply = await findMessageBody(trx, conversationId, messageId);
    const choice = readBotChoice(reply ?? '', state.menu);
    await answerChoice(trx, conversation, customer, state.menu, choice, caseId);
  });
  deps.log.info({ conversationId, messageId }, 'bot turn played');
}

async function offerMenu(
  db: Db,
  conversation: ConversationRow,
  customer: CustomerRow,
) {
  const products = await listOrderedProducts(db, customer.id);
  const helpTemplates = (await listTemplates(db)).filter((template) =>
    template.id.startsWith('help-'),
  );
  const menu = buildBotMenu(products, helpTemplates);
  await queueOutboundMessage(db, conversation, {
    author: 'bot',
    authorUserId: null,
    body: formatBotMenu(customer.first_name, menu),
    templateId: null,
    urgent: true,
  });
  await updateConversation(db, conversation.id, {
    bot_state: { stage: 'menu', menu },
  });
}

async function answerChoice(
  db: Db,
  conversation: ConversationRow,
  customer: CustomerRow,
  menu: BotMenuItem[],
  choice: BotMenuItem | null,
  caseId: string | null,
) {
  const say = (body: string, templateId: string | null = null) =>
    queueOutboundMessage(db, conversation, {
      author: 'bot',
      authorUserId: null,
      body,
      templateId,
      urgent: true,
    });
  if (!choice) {
    await say(
      `Sorry, I did not get that. Reply with a number from 1 to ${menu.length}.`,
    );
    return;
  }

  const chosen = `${choice.number} ${choice.label}`;
  await updateConversation(db, conversation.id, {
    bot_state: { stage: 'done', choice: chosen },
  });
  if (choice.action.kind === 'help-template') {
    await sayHelp(db, customer, choice.action.templateId, say);
    return;
  }
  if (choice.action.kind === 'open-case' && caseId) {
    await say(
      `We opened case ${caseId} about your ${choice.product}. ` +
        'Someone from our team will be in touch.',
    );
    await updateConversation(db, conversation.id, {
      object_type: 'Case',
      record_id: caseId,
    });
    return;
  }

  await say('Thanks! I am connecting you with a person now.');
  await updateConversation(db, conversation.id, {
    handover_note: `Customer chose "${chosen}"`,
  });
  const policy = await loadConversationPolicy(db);
  const fresh = await findConversation(db, conversation.id, true);
  await routeConversation(db, fresh!, policy);
}

async function sayHelp(
  db: Db,
  customer: CustomerRow,
  templateId: string,
  say: (body: string, templateId?: string | null) => Promise<unknown>,
) {
  const [template] = (await listTemplates(db)).filter(
    (t) => t.id === templateId,
  );
  const context = await conversationMergeContext(db, customer, null, null);
  const rendered = template
    ? await renderForConversation(template.body, context, customer)
    : null;
  await say(
    rendered?.ok ? rendered.text : 'Thanks! Our help team will be in touch.',
    rendered?.ok ? templateId : null,
  );
}

/**
 * When the reply chooses an item that opens a Case, opens it first (its
 * own transaction, as every Record change has); the Case id comes from
 * the message, so a repeated turn changes nothing.
 */
async function openCaseIfChosen(
  db: Db,
  conversationId: string,
  messageId: string,
): Promise<string | null> {
  const conversation = await findConversation(db, conversationId);
  const state = conversation?.bot_state as BotState | null | undefined;
  if (
    !conversation ||
    state?.stage !== 'menu' ||
    conversation.agent_replied_at
  ) {
    return null;
  }

  const reply = await findMessageBody(db, conversationId, messageId);
  const choice = readBotChoice(reply ?? '', state.menu);
  const caseType = await findObjectType(db, 'Case');
  if (choice?.action.kind !== 'open-case' || !caseType) {
    return null;
  }

  const caseId = `CHAT-${messageId}`;
  const known = new Set(
    (caseType.fields as { name: string }[]).map((field) => field.name),
  );
  const fields = Object.fromEntries(
    Object.entries({
      subject: `${choice.product} support (from a conversation)`,
      status: 'New',
      priority: 'Medium',
      product: choice.product,
    }).filter(([name]) => known.has(name)),
  );
  await applyRecordChange(db, {
    objectType: 'Case',
    recordId: caseId,
    customerId: conversation.customer_id,
    fields,
    source: 'bot',
  });
  return caseId;
}
