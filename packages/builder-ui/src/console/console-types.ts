/**
 * What the conversation API answers, as the agent console reads it.
 */

/** A Conversation in the list, with the reader's unread count. */
export interface ConversationSummary {
  id: string;
  customerId: string;
  customerName: string;
  customerTier: string;
  channel: string;
  status: 'open' | 'closed';
  startedBy: 'agent' | 'customer';
  ownerUserId: string | null;
  ownerEmail: string | null;
  objectType: string | null;
  recordId: string | null;
  botStage: string | null;
  handoverNote: string | null;
  unread: number;
  lastBody: string | null;
  lastMessageAt: string;
}

/** Whether a channel can be used now, and for what. */
export interface ChannelState {
  channel: string;
  address: string | null;
  consent: 'opt_in' | 'opt_out' | 'none';
  hasWindow: boolean;
  lastInboundAt: string | null;
  windowClosesAt: string | null;
  freeText: boolean;
  usable: boolean;
}

/** One message of a thread, with its Delivery state when outbound. */
export interface ThreadMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  author: 'customer' | 'agent' | 'bot';
  authorEmail: string | null;
  templateId: string | null;
  body: string;
  createdAt: string;
  delivery: {
    id: string;
    status: string;
    reason: string | null;
    channel: string | null;
  } | null;
}

/** One Conversation with its Customer and Record. */
export interface ConversationThread {
  conversation: Omit<
    ConversationSummary,
    'customerName' | 'customerTier' | 'unread' | 'lastBody'
  >;
  customer: {
    id: string;
    name: string;
    tier: string;
    region: string | null;
    preferredChannel: string | null;
    channels: ChannelState[];
  };
  record: {
    objectType: string;
    recordId: string;
    fields: Record<string, unknown>;
  } | null;
  messages: ThreadMessage[];
}

/** A Template an Agent may (or may not yet) send, with its preview. */
export interface TemplateChoice {
  id: string;
  name: string;
  category: string | null;
  allowed: boolean;
  /** Why it is refused: an error code; null when allowed. */
  reason: string | null;
  /** What rendering it lacked, when that is why; absent on older servers. */
  detail?: string | null;
  preview: string | null;
}

/** What an Agent may send a Customer. */
export interface ComposeOptions {
  customerId: string;
  customerName: string;
  channel: string;
  channels: ChannelState[];
  templates: TemplateChoice[];
  records: {
    objectType: string;
    recordId: string;
    fields: Record<string, unknown>;
  }[];
}

/** A quick phrase beside the composer. */
export interface QuickPhrase {
  id: string;
  label: string;
  body: string;
}

/** An Agent's presence, load and capacity. */
export interface AgentPresence {
  userId: string;
  email: string;
  status: 'online' | 'away' | 'offline';
  effectiveStatus: 'online' | 'away' | 'offline';
  capacity: number;
  load: number;
}

/** What a message is made of: a Template or free text. */
export interface MessageInput {
  templateId?: string;
  text?: string;
}

/** A channel's pilot audience: who may chat there while it is rolled out. */
export interface ChannelPilot {
  tiers: string[];
  regions: string[];
  reply: string;
}

/** Channels a pilot audience may limit. */
export const PILOT_CHANNELS = ['sms', 'whatsapp', 'messenger'] as const;
export type PilotChannel = (typeof PILOT_CHANNELS)[number];

/** How Conversations behave (admins change it). */
export interface ConversationPolicy {
  presenceTimeoutSeconds: number;
  defaultCapacity: number;
  botEnabled: boolean;
  botReplyWindowHours: number;
  pilots: Partial<Record<PilotChannel, ChannelPilot>>;
}
