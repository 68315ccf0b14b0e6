/**
 * A person's own test recipient: the channel their test sends use and
 * their address on it (a phone number for SMS and WhatsApp, a Messenger
 * PSID). Phone numbers are stored in E.164; an address that cannot work
 * is refused naming the field, so a test send never fails on it later.
 */
import { HeraldError } from '../errors.js';
import type { Db } from '../db/database.js';
import {
  findTestRecipient,
  saveTestRecipient,
  type TestRecipientOwner,
  type TestRecipientRow,
} from '../repositories/test-recipient-repository.js';
import { toE164 } from './phone-number.js';
import type { Principal } from './principal.js';

/** A test recipient as the API shows and takes it. */
export interface TestRecipient {
  channel: TestRecipientRow['channel'];
  phone: string | null;
  messengerPsid: string | null;
}

/** Messenger page-scoped ids are decimal digits. */
const PSID_PATTERN = /^\d{1,64}$/;

/** Whose test recipient a principal sets and uses. */
export function ownerOf(principal: Principal): TestRecipientOwner {
  return { kind: principal.kind, id: principal.id };
}

/** The caller's test recipient, or null when none is set. */
export async function getTestRecipient(
  db: Db,
  owner: TestRecipientOwner,
): Promise<TestRecipient | null> {
  const row = await findTestRecipient(db, owner);
  return row ? toView(row) : null;
}

/** Checks and stores the caller's test recipient. */
export async function setTestRecipient(
  db: Db,
  owner: TestRecipientOwner,
  input: TestRecipient,
): Promise<TestRecipient> {
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  const messengerPsid = input.messengerPsid?.trim() || null;
  if (messengerPsid !== null && !PSID_PATTERN.test(messengerPsid)) {
    throw invalid('messengerPsid', 'a Messenger PSID is digits only');
  }

  const recipient = { channel: input.channel, phone, messengerPsid };
  testAddressOf(recipient);
  return toView(await saveTestRecipient(db, owner, recipient));
}

/**
 * The address on the recipient's channel; refuses (naming the field)
 * when the channel has none.
 */
export function testAddressOf(recipient: TestRecipient): string {
  if (recipient.channel === 'messenger') {
    if (!recipient.messengerPsid) {
      throw invalid('messengerPsid', 'Messenger needs your PSID');
    }

    return recipient.messengerPsid;
  }

  if (!recipient.phone) {
    throw invalid('phone', `${recipient.channel} needs your phone number`);
  }

  return recipient.phone;
}

function normalizePhone(raw: string): string {
  const phone = toE164(raw, null);
  if (!phone) {
    throw invalid(
      'phone',
      'not a valid phone number; write it with its country code, e.g. +14155550100',
    );
  }

  return phone;
}

function invalid(field: string, message: string) {
  return new HeraldError('HERALD_TEST_RECIPIENT_INVALID', message, { field });
}

function toView(row: TestRecipientRow): TestRecipient {
  return {
    channel: row.channel,
    phone: row.phone,
    messengerPsid: row.messenger_psid,
  };
}
