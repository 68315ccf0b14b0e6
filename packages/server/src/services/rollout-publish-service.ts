/**
 * The business publish: the active version's graph with Rollout steps
 * added, edited or removed, and nothing else changed, compiled and made
 * the next version. An admin's unpublished draft is never part of it.
 */
import type { FlowGraph } from '@herald/engine';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import { findVersion, nextVersion } from '../repositories/flow-repository.js';
import { recordAudit } from './audit-service.js';
import { diffFlowGraphs, summarizeFlowDiff } from './flow-diff.js';
import { publishGraph } from './flow-service.js';
import type { Actor } from './principal.js';
import { findNonRolloutChanges } from './rollout-change-check.js';

/**
 * Publishes `graph` when it differs from the active version only in
 * Rollout steps. When the draft held no unpublished changes it becomes the
 * new graph too; otherwise the draft is left alone.
 *
 * Limitation: when an admin's draft differs from the active version, the
 * business Rollout change is not merged into it, so the admin's next
 * publish replaces it unless the admin redoes it in the draft.
 */
export async function publishRolloutChange(
  db: Db,
  flowId: string,
  graph: FlowGraph,
  actor: Actor,
) {
  const published = await publishGraph(
    db,
    flowId,
    actor.name,
    async (trx, row) => {
      if (row.status !== 'active' || row.active_version === null) {
        throw new HeraldError(
          'HERALD_FLOW_NOT_ACTIVE',
          'only an active flow takes Rollout changes',
          { flowId, status: row.status },
        );
      }

      const active = (await findVersion(trx, flowId, row.active_version))!;
      const activeGraph = active.graph as FlowGraph;
      refuseOtherChanges(activeGraph, graph);

      const diff = diffFlowGraphs(activeGraph, graph);
      const version = await nextVersion(trx, flowId);
      await recordAudit(trx, actor, {
        action: 'flow.rollout-publish',
        subjectType: 'flow',
        subjectId: flowId,
        summary:
          `published Rollout changes as version ${version} of ` +
          `"${row.name}": ${summarizeFlowDiff(diff)}`,
        details: { version, basedOn: row.active_version, diff },
      });
      const replaceDraft = sameJson(row.draft, activeGraph);
      return { graph, replaceDraft };
    },
    { changedBy: actor },
  );
  return published;
}

function refuseOtherChanges(active: FlowGraph, proposed: FlowGraph) {
  const problems = findNonRolloutChanges(active, proposed);
  if (problems.length === 0) {
    return;
  }

  throw new HeraldError(
    'HERALD_ACCESS_ROLLOUT_ONLY',
    `only Rollout steps may change: ${problems[0].message}`,
    { stepId: problems[0].stepId, problems },
  );
}

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}
