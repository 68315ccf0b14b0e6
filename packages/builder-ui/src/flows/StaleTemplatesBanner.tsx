import type { FlowGraph } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';
import { diffTemplateCopies } from './template-copy-diff';
import type { ActiveVersion } from './use-active-version';

/** Props of {@link StaleTemplatesBanner}. */
export interface StaleTemplatesBannerProps {
  active: ActiveVersion;
  /** The library as saved (unsaved edits left out). */
  templates: CatalogTemplate[];
}

/**
 * Tells, above the Flow, which library Templates changed since the active
 * version was published: that version keeps sending its own copy until
 * the Flow is published again. Shows nothing otherwise.
 */
export function StaleTemplatesBanner({
  active,
  templates,
}: StaleTemplatesBannerProps) {
  if (active.state !== 'ready' || !active.detail) {
    return null;
  }

  const { detail } = active;
  const graph = detail.graph as FlowGraph;
  const stale = diffTemplateCopies(detail.templates ?? [], templates, graph);
  if (stale.length === 0) {
    return null;
  }

  const names = stale.map((change) => `“${change.name}”`).join(', ');
  return (
    <p
      className="notice stale-templates-banner"
      role="note"
      data-testid="stale-templates-banner"
    >
      Template changed since publish: {names}. Version {detail.version} still
      sends the text it was published with; publish again to send the new text.
    </p>
  );
}
