/**
 * Kysely's view of Herald's tables (see migrations/). Column names are
 * snake_case as in SQL; repositories map rows to the API's camelCase.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = object> = JSONColumnType<
  T,
  T | string,
  T | string
>;
type BigId = ColumnType<string, never, never>;

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface WorkersTable {
  id: string;
  hostname: string;
  pid: number;
  started_at: Generated<Date>;
  last_seen_at: Timestamp;
}

export interface ObjectTypesTable {
  name: string;
  label: string | null;
  fields: Json;
  customer_field: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  whatsapp_id: string | null;
  messenger_psid: string | null;
  preferred_channel: string | null;
  tier: Generated<string>;
  region: string | null;
  country: string | null;
  time_zone: Generated<string>;
  locale: Generated<string>;
  attributes: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ConsentsTable {
  id: BigId;
  customer_id: string;
  channel: string;
  sender: Generated<string>;
  status: 'opt_in' | 'opt_out';
  source: string;
  evidence: string | null;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RecordsTable {
  object_type: string;
  record_id: string;
  customer_id: string;
  fields: Json<Record<string, unknown>>;
  deleted: boolean;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ChangesTable {
  id: BigId;
  object_type: string;
  record_id: string;
  customer_id: string;
  kind: 'create' | 'update' | 'delete';
  prior: Json<Record<string, unknown> | null>;
  current: Json<Record<string, unknown> | null>;
  changed_fields: string[];
  source: Generated<string>;
  source_ref: string | null;
  occurred_at: Date | string | null;
  received_at: Generated<Date>;
}

export interface TemplatesTable {
  id: string;
  name: string;
  category: string | null;
  body: string;
  /** The approved WhatsApp template sent outside the 24-hour window. */
  whatsapp_template: Json<WhatsappTemplateForm> | null;
  /** The Messenger message tag allowed outside the 24-hour window. */
  messenger_tag: string | null;
  /** Bodies per locale; the Customer's locale picks one. */
  variants: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** An approved WhatsApp template: parameters are Liquid, rendered per send. */
export interface WhatsappTemplateForm {
  name: string;
  language: string;
  parameters: string[];
}

export interface FlowsTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  status: Generated<'draft' | 'active' | 'inactive'>;
  active_version: number | null;
  draft: Json;
  draft_updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** Who last changed the Flow (migration 0007); null before then. */
  changed_by_kind: 'user' | 'token' | 'system' | null;
  changed_by_id: string | null;
  changed_by_name: string | null;
}

export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  graph: Json;
  rule_set: Json;
  templates: Json<object[]>;
  trigger_object_type: string;
  trigger_change_kinds: string[];
  published_by: string | null;
  published_at: Generated<Date>;
}

export interface RunsTable {
  id: BigId;
  change_id: string;
  rule_sets_evaluated: number;
  fired: number;
  trace: Json<object[]>;
  dry_run: Generated<boolean>;
  started_at: Date | string;
  finished_at: Generated<Date>;
  /** Flows the trace names; generated from `trace` (migration 0007). */
  flow_ids: ColumnType<string[], never, never>;
}

export interface DeliveriesTable {
  id: Generated<string>;
  /** Null on a Delivery of a conversation message (and flow columns too). */
  change_id: string | null;
  flow_id: string | null;
  flow_version: number | null;
  path_id: string | null;
  channel_step_id: string | null;
  template_id: string | null;
  urgent: Generated<boolean>;
  customer_id: string;
  object_type: string | null;
  record_id: string | null;
  conversation_message_id: ColumnType<
    string | null,
    string | null | undefined,
    string | null
  >;
  channel_policy: Json;
  channel: string | null;
  status: string;
  status_reason: string | null;
  body: string | null;
  send_at: ColumnType<Date, Date | string | undefined, Date | string>;
  to_address: string | null;
  sent_at: Date | string | null;
  retries: Generated<number>;
  failed_channels: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** A test send to a person's own test recipient (migration 0007). */
  is_test: Generated<boolean>;
  /** Who asked for a test send. */
  test_requested_by: string | null;
}

export interface DeliveryEventsTable {
  id: BigId;
  delivery_id: string;
  status: string;
  reason: string | null;
  details: Json | null;
  at: Generated<Date>;
}

export interface AttemptsTable {
  id: BigId;
  delivery_id: string;
  channel: string;
  outcome: Generated<'open' | 'accepted' | 'failed' | 'unknown'>;
  request: Json | null;
  provider_message_id: string | null;
  response: Json | null;
  error_code: string | null;
  error_message: string | null;
  error_class: string | null;
  worker_id: string | null;
  started_at: Generated<Date>;
  finished_at: Date | string | null;
}

export interface SandboxMessagesTable {
  id: BigId;
  delivery_id: string | null;
  attempt_id: string | null;
  customer_id: string;
  channel: string;
  to_address: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string | null;
  role: 'admin' | 'business' | 'agent';
  password_hash: string;
  disabled: Generated<boolean>;
  last_sign_in_at: Date | string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_sha256: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date | string;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  scope: 'admin' | 'business' | 'agent' | 'ingest';
  token_sha256: string;
  prefix: string;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface AuditLogTable {
  id: BigId;
  at: Generated<Date>;
  actor_kind: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  summary: string;
  details: Json<Record<string, unknown>>;
  address: string | null;
}

export interface ChannelConfigsTable {
  channel: string;
  provider: string;
  settings: Json<Record<string, unknown>>;
  /** AES-256-GCM ciphertext of the secrets object; never returned. */
  secrets: string | null;
  secret_names: string[];
  updated_at: Timestamp;
}

export interface InboundMessagesTable {
  id: BigId;
  customer_id: string | null;
  channel: string;
  from_address: string;
  to_address: string | null;
  provider_message_id: string;
  body: string;
  keyword: string | null;
  reply_body: string | null;
  replied_at: Date | string | null;
  raw: Json;
  received_at: Generated<Date>;
}

export interface AgentPresenceTable {
  user_id: string;
  status: 'online' | 'away' | 'offline';
  capacity: Generated<number>;
  last_seen_at: Timestamp;
  last_routed_at: Date | string | null;
  updated_at: Timestamp;
}

export interface ConversationsTable {
  id: BigId;
  customer_id: string;
  channel: string;
  status: Generated<'open' | 'closed'>;
  started_by: 'agent' | 'customer';
  started_by_user_id: string | null;
  owner_user_id: string | null;
  counts_toward_capacity: Generated<boolean>;
  object_type: string | null;
  record_id: string | null;
  bot_state: Json<Record<string, unknown>> | null;
  handover_note: string | null;
  agent_replied_at: Date | string | null;
  last_message_at: Timestamp;
  created_at: Generated<Date>;
  closed_at: Date | string | null;
}

export interface ConversationMessagesTable {
  id: BigId;
  conversation_id: string;
  direction: 'inbound' | 'outbound';
  author: 'customer' | 'agent' | 'bot';
  author_user_id: string | null;
  inbound_message_id: string | null;
  template_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface ConversationReadsTable {
  conversation_id: string;
  user_id: string;
  last_read_message_id: string;
}

/** A stored conversation event; ids follow commit order (migration 0008). */
export interface ConversationEventsTable {
  id: BigId;
  kind: 'conversation' | 'message' | 'delivery';
  conversation_id: string;
  message_id: string | null;
  direction: string | null;
  status: string | null;
  owner_user_id: string | null;
  previous_owner_user_id: string | null;
  created_at: Generated<Date>;
}

export interface QuickPhrasesTable {
  id: string;
  label: string;
  body: string;
  position: Generated<number>;
}

/** A Change waiting to be evaluated (migration 0010). */
export interface PendingEvaluationsTable {
  change_id: string;
  queued_at: Generated<Date>;
}

/** A person's or API token's own test recipient (migration 0007). */
export interface TestRecipientsTable {
  actor_kind: 'user' | 'token';
  actor_id: string;
  channel: 'sms' | 'whatsapp' | 'messenger';
  phone: string | null;
  messenger_psid: string | null;
  updated_at: Timestamp;
}

export interface Database {
  settings: SettingsTable;
  workers: WorkersTable;
  object_types: ObjectTypesTable;
  customers: CustomersTable;
  consents: ConsentsTable;
  records: RecordsTable;
  changes: ChangesTable;
  templates: TemplatesTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  runs: RunsTable;
  deliveries: DeliveriesTable;
  delivery_events: DeliveryEventsTable;
  attempts: AttemptsTable;
  sandbox_messages: SandboxMessagesTable;
  channel_configs: ChannelConfigsTable;
  inbound_messages: InboundMessagesTable;
  agent_presence: AgentPresenceTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  conversation_reads: ConversationReadsTable;
  conversation_events: ConversationEventsTable;
  quick_phrases: QuickPhrasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  test_recipients: TestRecipientsTable;
  pending_evaluations: PendingEvaluationsTable;
}
