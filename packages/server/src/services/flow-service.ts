/**
 * Flows: drafts, validation and publishing. Publishing compiles the draft
 * into a Rule set and stores it with the graph and the Template bodies it
 * was checked against, as one new version, atomically; a refused publish
 * changes nothing.
 */
import { cancelUnsentDeliveries } from '../repositories/delivery-repository.js';
import {
  compileFlow,
  FLOW_SCHEMA_VERSION,
  validateFlow,
  type Catalog,
  type FlowGraph,
  type FlowProblem,
  type RuleSet,
} from '@herald/engine';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findFlow,
  findVersion,
  insertFlow,
  insertVersion,
  listVersions,
  nextVersion,
  updateFlow,
  type FlowChanger,
  type FlowRow,
} from '../repositories/flow-repository.js';
import {
  listFlowsWithActivity,
  type FlowActivityRow,
} from '../repositories/flow-activity-repository.js';
import { listObjectTypes } from '../repositories/object-type-repository.js';
import { listTemplates } from '../repositories/template-repository.js';

/** A Flow with no steps yet. */
export const emptyGraph: FlowGraph = {
  schemaVersion: FLOW_SCHEMA_VERSION,
  steps: [],
  edges: [],
};

/** How far back the flows list counts Runs and Deliveries. */
const ACTIVITY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Creates a Flow in draft; `changedBy` is remembered as its author. */
export async function createFlow(
  db: Db,
  input: { name: string; description?: string | null; graph?: FlowGraph },
  changedBy?: FlowChanger,
) {
  const row = await insertFlow(
    db,
    {
      name: input.name,
      description: input.description ?? null,
      draft: input.graph ?? emptyGraph,
    },
    changedBy,
  );
  return toFlowView(row, []);
}

/** One Flow with its draft and version list. */
export async function getFlow(db: Db, id: string) {
  const row = await requireFlow(db, id);
  const versions = await listVersions(db, id);
  return toFlowView(row, versions);
}

/** Every Flow with who last changed it and its last 24 hours. */
export async function listFlowSummaries(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - ACTIVITY_WINDOW_MS);
  const rows = await listFlowsWithActivity(db, since);
  return rows.map(toFlowSummary);
}

/** Saves a Flow's name, description or draft graph. */
export async function saveDraft(
  db: Db,
  id: string,
  patch: { name?: string; description?: string | null; graph?: FlowGraph },
  changedBy?: FlowChanger,
) {
  await requireFlow(db, id);
  await updateFlow(
    db,
    id,
    {
      name: patch.name,
      description: patch.description,
      draft: patch.graph,
    },
    changedBy,
  );
  return getFlow(db, id);
}

/** Every problem of a graph (default: the Flow's draft). */
export async function validateDraft(
  db: Db,
  id: string,
  graph?: FlowGraph,
): Promise<FlowProblem[]> {
  const row = await requireFlow(db, id);
  return validateFlow(graph ?? row.draft, await loadCatalog(db));
}

/**
 * Compiles the draft and makes it the active version; `changedBy` (when
 * given) names the publisher, else `publishedBy` is kept as it is.
 */
export async function publishFlow(
  db: Db,
  id: string,
  publishedBy: string | null,
  changedBy?: FlowChanger,
): Promise<{ version: number; ruleSet: RuleSet }> {
  const useDraft = async (_trx: Db, row: FlowRow) => ({
    graph: row.draft as FlowGraph,
    replaceDraft: false,
  });
  return publishGraph(db, id, changedBy?.name ?? publishedBy, useDraft, {
    activate: true,
    changedBy,
  });
}

/**
 * Publishes a graph other than the draft, as the next version: `prepare`
 * sees the locked Flow row and answers the graph to publish and whether the
 * draft should become that graph too. Used by the business publish of
 * Rollout changes (rollout-publish-service.ts). `activate` also makes an
 * inactive Flow active again (default false); `changedBy` becomes who
 * last changed the Flow.
 */
export async function publishGraph(
  db: Db,
  id: string,
  publishedBy: string | null,
  prepare: (
    trx: Db,
    row: FlowRow,
  ) => Promise<{ graph: FlowGraph; replaceDraft: boolean }>,
  options: { activate?: boolean; changedBy?: FlowChanger } = {},
): Promise<{ version: number; ruleSet: RuleSet }> {
  const catalog = await loadCatalog(db);
  return db.transaction().execute(async (trx) => {
    const row = await requireFlow(trx, id, true);
    const { graph, replaceDraft } = await prepare(trx, row);
    const version = await nextVersion(trx, id);
    const compiled = compileFlow(graph, { flowId: id, version }, catalog);
    if (!compiled.ok) {
      throw new HeraldError(
        'HERALD_FLOW_INVALID',
        `the flow has ${compiled.problems.length} problem(s)`,
        { problems: compiled.problems },
      );
    }

    await insertVersion(trx, {
      flowId: id,
      version,
      graph,
      ruleSet: compiled.ruleSet,
      templates: templatesUsed(graph, catalog),
      publishedBy,
    });
    await updateFlow(
      trx,
      id,
      {
        activeVersion: version,
        draft: replaceDraft ? graph : undefined,
        ...(options.activate ? { status: 'active' as const } : {}),
      },
      options.changedBy,
    );
    return { version, ruleSet: compiled.ruleSet };
  });
}

/** Stops a Flow evaluating Changes and cancels its unsent Deliveries. */
export async function deactivateFlow(
  db: Db,
  id: string,
  changedBy?: FlowChanger,
) {
  await requireFlow(db, id);
  await db.transaction().execute(async (trx) => {
    await updateFlow(trx, id, { status: 'inactive' }, changedBy);
    await cancelUnsentDeliveries(trx, id);
  });
  return getFlow(db, id);
}

/** One stored version: graph, Rule set and Template bodies. */
export async function getVersion(db: Db, id: string, version: number) {
  const row = await findVersion(db, id, version);
  if (!row) {
    throw new HeraldError(
      'HERALD_FLOW_NOT_FOUND',
      `flow ${id} has no version ${version}`,
      { flowId: id, version, field: 'version' },
    );
  }

  return {
    flowId: row.flow_id,
    version: row.version,
    graph: row.graph,
    ruleSet: row.rule_set,
    templates: row.templates,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}

/** Object types and Templates, which Flows are checked against. */
export async function loadCatalog(db: Db): Promise<Catalog> {
  const [objectTypes, templates] = await Promise.all([
    listObjectTypes(db),
    listTemplates(db),
  ]);
  return {
    objectTypes,
    templates: templates.map(({ id, name, body, variants }) => ({
      id,
      name,
      body,
      ...(Object.keys(variants).length > 0 ? { variants } : {}),
    })),
  };
}

/**
 * The catalog as the builder reads it: each Template also carries its
 * library `category`, which Flows are not checked against (and which a
 * published version does not store).
 */
export async function loadBuilderCatalog(db: Db) {
  const [catalog, templates] = await Promise.all([
    loadCatalog(db),
    listTemplates(db),
  ]);
  const categories = new Map(templates.map((t) => [t.id, t.category]));
  return {
    ...catalog,
    templates: catalog.templates.map((template) => ({
      ...template,
      category: categories.get(template.id) ?? null,
    })),
  };
}

async function requireFlow(db: Db, id: string, lock = false) {
  const row = await findFlow(db, id, lock);
  if (!row) {
    throw new HeraldError('HERALD_FLOW_NOT_FOUND', `flow ${id} not found`, {
      flowId: id,
      field: 'id',
    });
  }

  return row;
}

function templatesUsed(graph: FlowGraph, catalog: Catalog) {
  const ids = new Set(
    graph.steps.flatMap((step) =>
      step.type === 'template' ? [step.data.templateId] : [],
    ),
  );
  return catalog.templates.filter((template) => ids.has(template.id));
}

function toFlowView(
  row: FlowRow,
  versions: {
    version: number;
    published_at: Date;
    published_by: string | null;
  }[],
) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    activeVersion: row.active_version,
    draft: row.draft as FlowGraph,
    draftUpdatedAt: row.draft_updated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: versions.map((version) => ({
      version: version.version,
      publishedAt: version.published_at,
      publishedBy: version.published_by,
    })),
  };
}

/**
 * A Flow row in a list: no draft graph; who last changed it and when, and
 * its Runs and Deliveries (in all and per status) in the last 24 hours.
 */
export function toFlowSummary(row: FlowActivityRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    activeVersion: row.active_version,
    draftUpdatedAt: row.draft_updated_at,
    updatedAt: row.updated_at,
    changedBy: row.changed_by_kind
      ? { kind: row.changed_by_kind, name: row.changed_by_label }
      : null,
    changedAt: latest(row.updated_at, row.draft_updated_at),
    last24Hours: {
      runs: row.runs,
      deliveries: row.deliveries,
      deliveriesByStatus: row.deliveries_by_status,
    },
  };
}

function latest(a: Date, b: Date) {
  return a.getTime() >= b.getTime() ? a : b;
}
