/**
 * How a rendered message fits its Channel: its length, for SMS its
 * encoding (GSM-7 or UCS-2) and segment count, and whether it passes the
 * Channel's maximum. The builder shows this as a counter under the
 * Template body; the worker may check it before sending.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import type { ChannelName } from './flow-model.js';

/** The most a Channel takes in one message; absent fields mean no limit. */
export interface ChannelLimit {
  /** Most characters (Unicode code points). */
  maxCharacters?: number;
  /** Most SMS segments. */
  maxSegments?: number;
}

/** Each Channel's maximum, from the providers' documentation. */
export const channelLimits: Record<ChannelName, ChannelLimit> = {
  // Twilio rejects a body over 1,600 characters (error 21617); past ten
  // segments a message costs more than it is likely worth.
  sms: { maxCharacters: 1600, maxSegments: 10 },
  // WhatsApp Cloud API: a text message body holds at most 4,096 characters.
  whatsapp: { maxCharacters: 4096 },
  // Messenger Send API: `message.text` has a 2,000 character limit.
  messenger: { maxCharacters: 2000 },
  webhook: {},
  sandbox: {},
};

/** How one message measures on one Channel. */
export interface MessageMeasure {
  channel: ChannelName;
  /** Length in Unicode code points. */
  characters: number;
  limit: ChannelLimit;
  /** True when the message passes any of the Channel's maximums. */
  tooLong: boolean;
  /** SMS only: how the message is encoded and split. */
  sms?: {
    encoding: 'GSM-7' | 'UCS-2';
    segments: number;
    /** Characters that force UCS-2, in order of appearance, without repeats. */
    nonGsmCharacters: string[];
  };
}

/**
 * Measures a rendered message for a Channel. SMS encoding and segments
 * follow Twilio's segment calculator (sms-segments-calculator), without
 * Smart Encoding.
 */
export function measureMessage(
  text: string,
  channel: ChannelName,
): MessageMeasure {
  const limit = channelLimits[channel];
  const characters = [...text].length;
  const overCharacters =
    limit.maxCharacters !== undefined && characters > limit.maxCharacters;
  if (channel !== 'sms') {
    return { channel, characters, limit, tooLong: overCharacters };
  }

  const segmented = new SegmentedMessage(text);
  const segments = text === '' ? 0 : segmented.segmentsCount;
  const overSegments =
    limit.maxSegments !== undefined && segments > limit.maxSegments;

  return {
    channel,
    characters,
    limit,
    tooLong: overCharacters || overSegments,
    sms: {
      encoding: segmented.encodingName,
      segments,
      nonGsmCharacters: [...new Set(segmented.getNonGsmCharacters())],
    },
  };
}
