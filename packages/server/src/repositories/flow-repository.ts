/**
 * Flows, their drafts and their published versions with Rule sets.
 */
import { sql, type Selectable } from 'kysely';
import type { RuleSet } from '@herald/engine';
import type { Db } from '../db/database.js';
import { isUuid } from '../db/uuid.js';
import type { FlowsTable, FlowVersionsTable } from '../db/schema.js';

export type FlowRow = Selectable<FlowsTable>;
export type FlowVersionRow = Selectable<FlowVersionsTable>;

/** Who changes a Flow, as its row remembers them. */
export interface FlowChanger {
  kind: 'user' | 'token' | 'system';
  id: string | null;
  name: string | null;
}

/** Inserts a Flow with its first draft. */
export async function insertFlow(
  db: Db,
  flow: { name: string; description: string | null; draft: unknown },
  changedBy?: FlowChanger,
): Promise<FlowRow> {
  return db
    .insertInto('flows')
    .values({
      name: flow.name,
      description: flow.description,
      status: 'draft',
      draft: JSON.stringify(flow.draft),
      updated_at: new Date(),
      ...changerColumns(changedBy),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every Flow, newest change first. */
export async function listFlows(db: Db): Promise<FlowRow[]> {
  return db
    .selectFrom('flows')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One Flow, optionally locked for update. */
export async function findFlow(db: Db, id: string, lock = false) {
  if (!isUuid(id)) {
    return undefined;
  }

  let query = db.selectFrom('flows').selectAll().where('id', '=', id);
  if (lock) {
    query = query.forUpdate();
  }

  return query.executeTakeFirst();
}

/**
 * Updates a Flow's name, description, draft or status; `changedBy`, when
 * given, becomes who last changed it.
 */
export async function updateFlow(
  db: Db,
  id: string,
  patch: {
    name?: string;
    description?: string | null;
    draft?: unknown;
    status?: FlowRow['status'];
    activeVersion?: number | null;
  },
  changedBy?: FlowChanger,
): Promise<FlowRow> {
  const now = new Date();
  return db
    .updateTable('flows')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined
        ? { description: patch.description }
        : {}),
      ...(patch.draft !== undefined
        ? { draft: JSON.stringify(patch.draft), draft_updated_at: now }
        : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.activeVersion !== undefined
        ? { active_version: patch.activeVersion }
        : {}),
      ...changerColumns(changedBy),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function changerColumns(changedBy: FlowChanger | undefined) {
  if (!changedBy) {
    return {};
  }

  return {
    changed_by_kind: changedBy.kind,
    changed_by_id: changedBy.id,
    changed_by_name: changedBy.name,
  };
}

/** Versions of a Flow, newest first, without their large columns. */
export async function listVersions(db: Db, flowId: string) {
  return db
    .selectFrom('flow_versions')
    .select(['version', 'published_at', 'published_by'])
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .execute();
}

/** One version of a Flow. */
export async function findVersion(db: Db, flowId: string, version: number) {
  if (!isUuid(flowId) || !isStoredInteger(version)) {
    return undefined;
  }

  return db
    .selectFrom('flow_versions')
    .selectAll()
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The next version number of a Flow (call with the Flow row locked). */
export async function nextVersion(db: Db, flowId: string): Promise<number> {
  const row = await db
    .selectFrom('flow_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('flow_id', '=', flowId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

/** Stores a published version. */
export async function insertVersion(
  db: Db,
  version: {
    flowId: string;
    version: number;
    graph: unknown;
    ruleSet: RuleSet;
    templates: unknown;
    publishedBy: string | null;
  },
) {
  await db
    .insertInto('flow_versions')
    .values({
      flow_id: version.flowId,
      version: version.version,
      graph: JSON.stringify(version.graph),
      rule_set: JSON.stringify(version.ruleSet),
      templates: JSON.stringify(version.templates),
      trigger_object_type: version.ruleSet.trigger.objectType,
      trigger_change_kinds: version.ruleSet.trigger.changeKinds,
      published_by: version.publishedBy,
    })
    .execute();
}

/**
 * Active versions whose Trigger listens to this object type and change
 * kind: the database index picks them, no scan over every Flow.
 */
export async function activeVersionsFor(
  db: Db,
  objectType: string,
  kind: string,
) {
  return db
    .selectFrom('flow_versions as v')
    .innerJoin('flows as f', (join) =>
      join
        .onRef('f.id', '=', 'v.flow_id')
        .onRef('f.active_version', '=', 'v.version'),
    )
    .select(['v.flow_id', 'v.version', 'v.rule_set', 'v.templates'])
    .where('f.status', '=', 'active')
    .where('v.trigger_object_type', '=', objectType)
    .where(sql<boolean>`${kind} = any(v.trigger_change_kinds)`)
    .execute();
}

/** Whether `value` fits the `integer` column a version is stored in. */
function isStoredInteger(value: number) {
  return Number.isInteger(value) && Math.abs(value) <= 2_147_483_647;
}

/**
 * Like activeVersionsFor, but only which versions: the Rule sets
 * themselves never change once published, so a caller may keep them.
 */
export async function activeVersionKeysFor(
  db: Db,
  objectType: string,
  kind: string,
) {
  return db
    .selectFrom('flow_versions as v')
    .innerJoin('flows as f', (join) =>
      join
        .onRef('f.id', '=', 'v.flow_id')
        .onRef('f.active_version', '=', 'v.version'),
    )
    .select(['v.flow_id', 'v.version'])
    .where('f.status', '=', 'active')
    .where('v.trigger_object_type', '=', objectType)
    .where(sql<boolean>`${kind} = any(v.trigger_change_kinds)`)
    .execute();
}

/** The Rule sets of the given versions of Flows. */
export async function findRuleSets(
  db: Db,
  keys: { flow_id: string; version: number }[],
) {
  if (keys.length === 0) {
    return [];
  }

  return db
    .selectFrom('flow_versions')
    .select(['flow_id', 'version', 'rule_set'])
    .where((eb) =>
      eb.or(
        keys.map((key) =>
          eb.and([
            eb('flow_id', '=', key.flow_id),
            eb('version', '=', key.version),
          ]),
        ),
      ),
    )
    .execute();
}

/** Published versions by (flow, version), keyed `flowId:version`. */
export async function findVersions(
  db: Db,
  keys: { flowId: string; version: number }[],
): Promise<Map<string, FlowVersionRow>> {
  const unique = new Map(
    keys.map((key) => [`${key.flowId}:${key.version}`, key]),
  );
  if (unique.size === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('flow_versions')
    .selectAll()
    .where((eb) =>
      eb.or(
        [...unique.values()].map((key) =>
          eb.and([
            eb('flow_id', '=', key.flowId),
            eb('version', '=', key.version),
          ]),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((row) => [`${row.flow_id}:${row.version}`, row]));
}
