/**
 * Which library Templates differ from the copies a published version
 * stored. A version renders its Deliveries from its own copy, so a saved
 * library edit reaches a Flow's sends only when the Flow is published
 * again; this says which Templates that would change, and how.
 */
import {
  describeTemplateDiff,
  diffTemplates,
  type FlowGraph,
  type TemplateDef,
} from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';

/** One Template whose library text differs from the published copy. */
export interface TemplateCopyChange {
  id: string;
  /** The library's name for it. */
  name: string;
  /** What differs, in words: `body`, `variant de added` … */
  changed: string[];
}

/**
 * The Templates `graph` uses whose `library` text differs from the copy in
 * `published` (a version's templates); Templates the version did not use
 * are new Steps, not changed copies, and are left out.
 */
export function diffTemplateCopies(
  published: TemplateDef[],
  library: CatalogTemplate[],
  graph: FlowGraph,
): TemplateCopyChange[] {
  const copies = new Map(published.map((copy) => [copy.id, copy]));

  return templateIdsOf(graph).flatMap((id) => {
    const copy = copies.get(id);
    const current = library.find((template) => template.id === id);
    if (!copy || !current) {
      return [];
    }

    const changed = describeTemplateDiff(diffTemplates(copy, current));
    return changed.length > 0 ? [{ id, name: current.name, changed }] : [];
  });
}

function templateIdsOf(graph: FlowGraph): string[] {
  const ids = graph.steps.flatMap((step) =>
    step.type === 'template' ? [step.data.templateId] : [],
  );
  return [...new Set(ids)];
}
