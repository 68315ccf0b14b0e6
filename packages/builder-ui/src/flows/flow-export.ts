import { flowGraphSchema, FLOW_SCHEMA_VERSION } from '@herald/engine';
import type { FlowGraph, ObjectTypeDef } from '@herald/engine';
import type { FlowCreate, FlowDetail } from '../api/api-types';

/** The file format a Flow is exported in and imported from. */
export interface FlowExport {
  herald: 'flow';
  name: string;
  description: string | null;
  graph: FlowGraph;
}

/** A Flow's draft as an export file's content. */
export function exportFlow(flow: FlowDetail): FlowExport {
  return {
    herald: 'flow',
    name: flow.name,
    description: flow.description,
    graph: flow.draft,
  };
}

/**
 * What to create from an imported file's text, or why it cannot be
 * imported (not JSON, not a Flow export, or a graph in another format).
 */
export function readFlowExport(
  text: string,
): { ok: true; flow: FlowCreate } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }

  const candidate = parsed as Partial<FlowExport> | null;
  if (candidate?.herald !== 'flow' || typeof candidate.name !== 'string') {
    return { ok: false, reason: 'The file is not a Herald Flow export.' };
  }

  const graph = flowGraphSchema.safeParse(candidate.graph);
  if (!graph.success) {
    return {
      ok: false,
      reason: 'The Flow graph in the file does not match the stored format.',
    };
  }

  return {
    ok: true,
    flow: {
      name: candidate.name.slice(0, 200),
      description: candidate.description ?? null,
      graph: graph.data,
    },
  };
}

/** The draft a new Flow starts with: its Trigger alone. */
export function emptyFlowGraph(objectTypes: ObjectTypeDef[]): FlowGraph {
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    steps: [
      {
        id: 'trigger',
        type: 'trigger',
        position: { x: 0, y: 0 },
        data: {
          objectType: objectTypes[0]?.name ?? 'Record',
          changeKinds: ['create', 'update'],
        },
      },
    ],
    edges: [],
  };
}

/** Offers `content` to the user as a downloaded JSON file. */
export function downloadJson(fileName: string, content: unknown) {
  const blob = new Blob([JSON.stringify(content, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
