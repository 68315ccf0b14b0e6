/**
 * The demo's conversation library: Templates Agents start conversations
 * with (case follow-up, sales order follow-up, shipping error
 * resolution, appointment rescheduling, a check-in from the account's
 * rep), the bot's help Templates for two products, quick phrases, and a
 * Messenger pilot limited to VIP and Platinum customers.
 */
import type { Db } from '../db/database.js';
import { saveQuickPhrase } from '../repositories/quick-phrase-repository.js';
import { saveTemplateForms } from '../repositories/template-form-repository.js';
import { saveTemplate } from '../repositories/template-repository.js';
import { saveConversationPolicy } from '../services/conversation-policy.js';

const FIRST_NAME = "{{ customer.firstName | default: 'there' }}";

/** Templates Agents start conversations with, with approved WhatsApp forms. */
export const demoConversationTemplates = [
  {
    id: 'agent-case-follow-up',
    name: 'Follow-up on an open case',
    category: 'Conversations',
    body:
      `Hi ${FIRST_NAME}, following up on your case ` +
      `"{{ record.subject | default: 'with us' }}". Is everything working ` +
      'now, or can we help further?',
    whatsapp: ['case_follow_up', ['{{ customer.firstName }}']],
  },
  {
    id: 'agent-order-follow-up',
    name: 'Sales order follow-up',
    category: 'Conversations',
    body:
      `Hi ${FIRST_NAME}, thanks again for order ` +
      `{{ record.number | default: 'with us' }}. Any questions about your ` +
      "{{ record.product | default: 'system' }} before installation?",
    whatsapp: ['order_follow_up', ['{{ customer.firstName }}']],
  },
  {
    id: 'agent-shipping-error',
    name: 'Shipping error resolution',
    category: 'Conversations',
    body:
      `Hi ${FIRST_NAME}, we are sorry: part of your delivery went wrong. ` +
      'We have sent a replacement at no cost and will share tracking soon.',
    whatsapp: ['shipping_error', ['{{ customer.firstName }}']],
  },
  {
    id: 'agent-appointment-reschedule',
    name: 'Appointment rescheduling',
    category: 'Conversations',
    body:
      `Hi ${FIRST_NAME}, we need to move your ` +
      "{{ record.kind | default: 'appointment' }}. Reply with a day and " +
      'time that suits you and we will confirm it.',
    whatsapp: ['appointment_reschedule', ['{{ customer.firstName }}']],
  },
  {
    id: 'agent-rep-check-in',
    name: 'Check-in from your account rep',
    category: 'Conversations',
    body:
      `Hi ${FIRST_NAME}, this is your account rep at SunBright Solar. ` +
      'Just checking in: how is your system performing this month?',
    whatsapp: null,
  },
  {
    id: 'help-helios-8-kw-inverter',
    name: 'inverter support',
    category: 'Bot help',
    body:
      'Inverter tips: check the status light is green; if it is red, ' +
      'switch the inverter off and on at the isolator. Still red? Reply ' +
      'and a person will help.',
    whatsapp: null,
  },
  {
    id: 'help-panel-cleaning-plan',
    name: 'panel cleaning',
    category: 'Bot help',
    body:
      'Your cleaning plan covers two visits a year. Reply with a date ' +
      'that suits you and we will book the next one.',
    whatsapp: null,
  },
] as const;

/** Short phrases and emoji beside the composer. */
export const demoQuickPhrases = [
  { id: 'thanks', label: 'Thanks', body: 'Thanks for getting back to us! 🙏' },
  { id: 'on-it', label: 'On it', body: 'On it, I will update you shortly. ⚡' },
  { id: 'sunny', label: 'Sunny', body: 'Have a sunny day! ☀️' },
  {
    id: 'anything-else',
    label: 'Anything else?',
    body: 'Anything else I can help with?',
  },
  { id: 'thumbs-up', label: '👍', body: '👍' },
];

/**
 * Loads the conversation library into the demo. demo-data.ts calls it
 * after the object types and Templates:
 * `await loadDemoConversations(db);`
 */
export async function loadDemoConversations(db: Db): Promise<void> {
  for (const { whatsapp, ...template } of demoConversationTemplates) {
    await saveTemplate(db, template);
    if (whatsapp) {
      const [name, parameters] = whatsapp;
      await saveTemplateForms(db, template.id, {
        whatsappTemplate: {
          name,
          language: 'en_US',
          parameters: [...parameters],
        },
        messengerTag: 'ACCOUNT_UPDATE',
      });
    }
  }
  for (const [position, phrase] of demoQuickPhrases.entries()) {
    await saveQuickPhrase(db, { ...phrase, position });
  }
  await saveConversationPolicy(db, {
    pilots: {
      messenger: { tiers: ['VIP', 'Platinum'], regions: [], reply: pilotReply },
    },
  });
}

const pilotReply =
  'Thanks for your message! Messenger chat is open to VIP and Platinum ' +
  'customers for now. Text us on SMS or WhatsApp and we will help right away.';
