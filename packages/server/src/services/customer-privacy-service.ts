/**
 * A Customer's privacy rights: an export of everything Herald holds about
 * them, and an erasure that removes their personal data while keeping the
 * rows (so counts and history stay) and the audit log (which never held
 * personal data).
 *
 * Limitation: conversations and inbound messages are not covered yet;
 * when those tables land, their bodies and addresses must join the export
 * and the erasure here.
 */
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  currentConsents,
  findCustomer,
} from '../repositories/customer-repository.js';
import {
  EXPORT_ROW_LIMIT,
  eraseCustomerData,
  loadCustomerData,
} from '../repositories/customer-privacy-repository.js';
import { recordAudit } from './audit-service.js';
import { toCustomerView } from './customer-service.js';
import type { Actor } from './principal.js';

/** Everything about one Customer, as JSON. */
export async function exportCustomer(db: Db, id: string, actor: Actor) {
  const customer = await requireCustomer(db, id);
  const consents = (await currentConsents(db, [id])).get(id) ?? [];
  const data = await loadCustomerData(db, id);
  await recordAudit(db, actor, {
    action: 'customer.export',
    subjectType: 'customer',
    subjectId: id,
    summary: `exported customer ${id}`,
  });
  return {
    exportedAt: new Date().toISOString(),
    rowLimitPerKind: EXPORT_ROW_LIMIT,
    customer: toCustomerView(customer, consents),
    ...data,
  };
}

/** Erases one Customer's personal data, in one transaction, audited. */
export async function eraseCustomer(db: Db, id: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    await requireCustomer(trx, id, true);
    const erased = await eraseCustomerData(trx, id);
    await recordAudit(trx, actor, {
      action: 'customer.erase',
      subjectType: 'customer',
      subjectId: id,
      summary: `erased the personal data of customer ${id}`,
      details: { rows: erased },
    });
    return { customerId: id, erased };
  });
}

async function requireCustomer(db: Db, id: string, lock = false) {
  const row = await findCustomer(db, id, lock);
  if (!row) {
    throw new HeraldError('HERALD_NOT_FOUND', `no customer ${id}`, {
      customerId: id,
    });
  }

  return row;
}
