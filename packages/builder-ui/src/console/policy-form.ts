/**
 * The conversation policy as the settings form edits it: numbers as the
 * text typed, tiers and regions as comma-separated text, and a switch
 * per channel for its pilot. Turns the form into the policy to save
 * (or field errors for what is not a number) and the server's
 * validation issues into errors by field.
 */
import { ApiError } from '../api/api-error';
import {
  PILOT_CHANNELS,
  type ConversationPolicy,
  type PilotChannel,
} from './console-types';

/** One channel's pilot in the form. */
export interface PilotForm {
  enabled: boolean;
  tiers: string;
  regions: string;
  reply: string;
}

/** The whole form. */
export interface PolicyForm {
  presenceTimeoutSeconds: string;
  defaultCapacity: string;
  botEnabled: boolean;
  botReplyWindowHours: string;
  pilots: Record<PilotChannel, PilotForm>;
}

/** Errors by field path, as the API names them (`pilots.sms.reply`). */
export type FieldErrors = Record<string, string>;

const NUMBER_FIELDS = [
  'presenceTimeoutSeconds',
  'defaultCapacity',
  'botReplyWindowHours',
] as const;

/** What a channel without a pilot starts with when one is switched on. */
const DEFAULT_REPLY =
  'Thanks for your message! Chat on this channel is not open to everyone ' +
  'yet; please call us or use SMS and we will help you.';

/** The form showing `policy`. */
export function formOf(policy: ConversationPolicy): PolicyForm {
  const pilots = Object.fromEntries(
    PILOT_CHANNELS.map((channel) => {
      const pilot = policy.pilots[channel];
      return [
        channel,
        {
          enabled: pilot !== undefined,
          tiers: pilot?.tiers.join(', ') ?? '',
          regions: pilot?.regions.join(', ') ?? '',
          reply: pilot?.reply ?? DEFAULT_REPLY,
        },
      ];
    }),
  ) as Record<PilotChannel, PilotForm>;
  return {
    presenceTimeoutSeconds: String(policy.presenceTimeoutSeconds),
    defaultCapacity: String(policy.defaultCapacity),
    botEnabled: policy.botEnabled,
    botReplyWindowHours: String(policy.botReplyWindowHours),
    pilots,
  };
}

/** The policy the form says, or the fields that are not numbers. */
export function policyOf(
  form: PolicyForm,
): { policy: ConversationPolicy } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers = {} as Record<(typeof NUMBER_FIELDS)[number], number>;
  for (const field of NUMBER_FIELDS) {
    const text = form[field].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) {
      errors[field] = 'enter a number';
    }
    numbers[field] = value;
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }

  const pilots: ConversationPolicy['pilots'] = {};
  for (const channel of PILOT_CHANNELS) {
    const pilot = form.pilots[channel];
    if (pilot.enabled) {
      pilots[channel] = {
        tiers: listOf(pilot.tiers),
        regions: listOf(pilot.regions),
        reply: pilot.reply,
      };
    }
  }

  return {
    policy: { ...numbers, botEnabled: form.botEnabled, pilots },
  };
}

/**
 * The server's validation issues by field; an issue inside a list (a
 * tier) counts for the list. Empty when the error is of another kind.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) {
    return {};
  }

  const details = error.details as {
    issues?: { path?: string; message?: string }[];
  } | null;
  const errors: FieldErrors = {};
  for (const issue of details?.issues ?? []) {
    const path = (issue.path ?? '').replace(/\.\d+$/, '');
    if (path && !errors[path]) {
      errors[path] = issue.message ?? 'not valid';
    }
  }

  return errors;
}

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
