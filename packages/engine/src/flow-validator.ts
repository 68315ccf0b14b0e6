/**
 * Validation of a Flow graph as drawn: the schema, the shape of the graph,
 * and every reference into the Catalog. All problems come back at once, so
 * the builder can mark every Step that needs attention.
 */
import type { Catalog } from './catalog.js';
import { checkFlowAgainstCatalog } from './flow-catalog-check.js';
import { flowGraphSchema } from './flow-model.js';
import { flowProblem, type FlowProblem } from './flow-problem.js';
import { checkFlowStructure } from './flow-structure-check.js';

/**
 * Every problem of a graph. When the graph does not match the schema only
 * the HERALD_FLOW_SCHEMA problems are returned, since nothing else can be
 * read reliably.
 */
export function validateFlow(graph: unknown, catalog: Catalog): FlowProblem[] {
  const parsed = flowGraphSchema.safeParse(graph);
  if (!parsed.success) return schemaProblems(graph, parsed.error.issues);

  return [
    ...checkFlowStructure(parsed.data),
    ...checkFlowAgainstCatalog(parsed.data, catalog),
  ];
}

function schemaProblems(
  graph: unknown,
  issues: { path: PropertyKey[]; message: string }[],
): FlowProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return flowProblem(
      'HERALD_FLOW_SCHEMA',
      stepIdAt(graph, issue.path),
      field ? `${field}: ${issue.message}` : issue.message,
      { field },
    );
  });
}

function stepIdAt(graph: unknown, path: PropertyKey[]): string | null {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return null;

  const steps = (graph as { steps?: unknown }).steps;
  const step = Array.isArray(steps) ? steps[path[1]] : undefined;
  const id = (step as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
