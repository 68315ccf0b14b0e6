/**
 * The channel registry built from stored configuration: each channel's
 * adapter is made from its row in `channel_configs`, rebuilt when the row
 * changes. Channels with no configuration go to the sandbox.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { loadChannelConfig } from '../services/channel-config-service.js';
import type { ChannelAdapter, ChannelResolver } from './channel-adapter.js';
import { createMessengerChannel } from './messenger-channel.js';
import { createSandboxChannel } from './sandbox-channel.js';
import { createTwilioSmsChannel } from './twilio-sms-channel.js';
import { createWebhookChannel } from './webhook-channel.js';
import { createWhatsappCloudChannel } from './whatsapp-cloud-channel.js';

/** How long a loaded configuration is used before it is checked again. */
const CONFIG_TTL_MS = 2_000;

interface Cached {
  adapter: ChannelAdapter;
  checkedAt: number;
  updatedAt: number;
}

/** A resolver reading `channel_configs`, decrypting with `secretKey`. */
export function createStoredChannels(
  db: Db,
  secretKey: Buffer | undefined,
  log: Logger,
): ChannelResolver {
  const sandbox = createSandboxChannel(db);
  const cache = new Map<string, Cached>();

  return {
    async adapterFor(channel: string) {
      const cached = cache.get(channel);
      if (cached && Date.now() - cached.checkedAt < CONFIG_TTL_MS) {
        return cached.adapter;
      }

      const config = await loadChannelConfig(db, secretKey, channel);
      const updatedAt = config?.updatedAt.getTime() ?? 0;
      if (cached && cached.updatedAt === updatedAt) {
        cached.checkedAt = Date.now();
        return cached.adapter;
      }

      const adapter = config ? buildAdapter(config, sandbox) : sandbox;
      cache.set(channel, { adapter, checkedAt: Date.now(), updatedAt });
      log.info({ channel, adapter: adapter.name }, 'channel configured');
      return adapter;
    },
  };
}

function buildAdapter(
  config: NonNullable<Awaited<ReturnType<typeof loadChannelConfig>>>,
  sandbox: ChannelAdapter,
): ChannelAdapter {
  const settings = config.settings as any;
  const secrets = config.secrets;
  switch (config.provider) {
    case 'twilio':
      return createTwilioSmsChannel({
        ...settings,
        authToken: secrets.authToken,
      });
    case 'whatsapp-cloud':
      return createWhatsappCloudChannel({
        ...settings,
        accessToken: secrets.accessToken,
      });
    case 'messenger':
      return createMessengerChannel({
        ...settings,
        pageAccessToken: secrets.pageAccessToken,
      });
    case 'webhook':
      return createWebhookChannel({
        ...settings,
        signingSecret: secrets.signingSecret,
      });
    default:
      return sandbox;
  }
}
