/**
 * Channel configuration: which provider each channel uses, its settings
 * (shown) and secrets (write-only, sealed with HERALD_SECRET_KEY). Secrets
 * omitted from an update keep their stored value.
 */
import { z } from 'zod';
import { openSecrets, sealSecrets } from '../channels/secret-box.js';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findChannelConfig,
  listChannelConfigs,
  saveChannelConfig,
  type ChannelConfigRow,
} from '../repositories/channel-config-repository.js';

/** Channels that can be configured. */
export const configurableChannels = [
  'sms',
  'whatsapp',
  'messenger',
  'webhook',
  'sandbox',
] as const;
export type ConfigurableChannel = (typeof configurableChannels)[number];

const url = z.url({ protocol: /^https?$/ });
const timeoutMs = z.number().int().min(100).max(120_000).optional();
const secret = z.string().min(1).max(4096);

/** Settings and secrets each provider takes. */
export const providerSchemas = {
  twilio: {
    settings: z
      .object({
        baseUrl: url.default('https://api.twilio.com'),
        accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an AC… SID'),
        from: z.string().min(1).max(64).optional(),
        messagingServiceSid: z
          .string()
          .regex(/^MG[0-9a-fA-F]{32}$/, 'an MG… SID')
          .optional(),
        /** Herald's public URL, for per-message status callbacks. */
        publicUrl: url.optional(),
        timeoutMs,
      })
      .strict()
      .refine((value) => value.from || value.messagingServiceSid, {
        message: 'from or messagingServiceSid is required',
      }),
    secrets: ['authToken'],
    required: ['authToken'],
  },
  'whatsapp-cloud': {
    settings: z
      .object({
        baseUrl: url.default('https://graph.facebook.com'),
        apiVersion: z
          .string()
          .regex(/^v\d+\.\d+$/)
          .default('v23.0'),
        phoneNumberId: z.string().regex(/^\d{1,32}$/),
        timeoutMs,
      })
      .strict(),
    secrets: ['accessToken', 'appSecret', 'verifyToken'],
    required: ['accessToken'],
  },
  messenger: {
    settings: z
      .object({
        baseUrl: url.default('https://graph.facebook.com'),
        apiVersion: z
          .string()
          .regex(/^v\d+\.\d+$/)
          .default('v23.0'),
        pageId: z.string().regex(/^\d{1,32}$/),
        timeoutMs,
      })
      .strict(),
    secrets: ['pageAccessToken', 'appSecret', 'verifyToken'],
    required: ['pageAccessToken'],
  },
  webhook: {
    settings: z.object({ url, timeoutMs }).strict(),
    secrets: ['signingSecret'],
    required: ['signingSecret'],
  },
  sandbox: {
    settings: z.object({}).strict(),
    secrets: [],
    required: [],
  },
} as const;
export type ProviderName = keyof typeof providerSchemas;

/** The providers each channel may use. */
const providersOf: Record<ConfigurableChannel, ProviderName[]> = {
  sms: ['twilio', 'sandbox'],
  whatsapp: ['whatsapp-cloud', 'sandbox'],
  messenger: ['messenger', 'sandbox'],
  webhook: ['webhook', 'sandbox'],
  sandbox: ['sandbox'],
};

/** What `PUT /api/channels/:channel` takes. */
export const channelConfigInputSchema = z
  .object({
    provider: z.enum(Object.keys(providerSchemas) as [ProviderName]),
    settings: z.record(z.string(), z.unknown()).default({}),
    secrets: z.record(z.string(), secret).optional(),
  })
  .strict();
export type ChannelConfigInput = z.infer<typeof channelConfigInputSchema>;

/** A channel's configuration as the API shows it: never its secrets. */
export function toChannelConfigView(row: ChannelConfigRow) {
  return {
    channel: row.channel,
    provider: row.provider,
    settings: row.settings,
    secretsSet: row.secret_names,
    updatedAt: row.updated_at,
  };
}

/** Validates, seals and stores a channel's configuration. */
export async function putChannelConfig(
  db: Db,
  secretKey: Buffer | undefined,
  channel: ConfigurableChannel,
  input: ChannelConfigInput,
) {
  if (!providersOf[channel].includes(input.provider)) {
    throw new HeraldError(
      'HERALD_CHANNEL_CONFIG_INVALID',
      `channel ${channel} cannot use provider ${input.provider}`,
      { field: 'provider', allowed: providersOf[channel] },
    );
  }

  const schema = providerSchemas[input.provider];
  const settings = parseSettings(schema.settings, input.settings);
  const secrets = await mergeSecrets(db, secretKey, channel, input);
  const unknown = Object.keys(input.secrets ?? {}).filter(
    (name) => !(schema.secrets as readonly string[]).includes(name),
  );
  const missing = schema.required.filter((name) => !secrets[name]);
  if (unknown.length > 0 || missing.length > 0) {
    throw new HeraldError(
      'HERALD_CHANNEL_CONFIG_INVALID',
      unknown.length > 0
        ? `unknown secret(s): ${unknown.join(', ')}`
        : `missing secret(s): ${missing.join(', ')}`,
      { field: 'secrets', unknown, missing },
    );
  }

  const names = Object.keys(secrets).sort();
  const row = await saveChannelConfig(db, {
    channel,
    provider: input.provider,
    settings,
    secrets: names.length > 0 ? sealSecrets(secretKey!, secrets) : null,
    secretNames: names,
  });
  return toChannelConfigView(row);
}

/** Every channel's configuration, for the API. */
export async function listChannelConfigViews(db: Db) {
  return (await listChannelConfigs(db)).map(toChannelConfigView);
}

/** A channel's settings and decrypted secrets; null when unconfigured. */
export async function loadChannelConfig(
  db: Db,
  secretKey: Buffer | undefined,
  channel: string,
) {
  const row = await findChannelConfig(db, channel);
  if (!row) {
    return null;
  }

  const secrets =
    row.secrets && secretKey
      ? openSecrets<Record<string, string>>(secretKey, row.secrets)
      : {};
  return {
    provider: row.provider as ProviderName,
    settings: row.settings,
    secrets,
    updatedAt: row.updated_at,
  };
}

function parseSettings(schema: z.ZodType, settings: unknown) {
  const parsed = schema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['settings', ...issue.path].join('.');
    throw new HeraldError(
      'HERALD_CHANNEL_CONFIG_INVALID',
      `${field}: ${issue.message}`,
      { field, issues: parsed.error.issues },
    );
  }

  return parsed.data as Record<string, unknown>;
}

async function mergeSecrets(
  db: Db,
  secretKey: Buffer | undefined,
  channel: string,
  input: ChannelConfigInput,
): Promise<Record<string, string>> {
  const given = input.secrets ?? {};
  const needsKey = providerSchemas[input.provider].secrets.length > 0;
  if (needsKey && !secretKey) {
    throw new HeraldError(
      'HERALD_SECRET_KEY_MISSING',
      'set HERALD_SECRET_KEY (32 bytes, hex or base64) to store channel secrets',
      { field: 'secrets', env: 'HERALD_SECRET_KEY' },
    );
  }

  const stored = await loadChannelConfig(db, secretKey, channel);
  const kept = stored?.provider === input.provider ? stored.secrets : {};
  return { ...kept, ...given };
}
