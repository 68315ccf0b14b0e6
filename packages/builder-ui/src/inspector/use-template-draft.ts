/**
 * The name and texts a Template has in the inspector's editor: the Flow
 * page's unsaved edit when there is a page (template-edits.ts), else the
 * editor's own state.
 */
import { useState } from 'react';
import type { CatalogTemplate } from '../api/api-types';
import {
  draftFrom,
  sameDraft,
  useTemplateEditsContext,
  type TemplateDraft,
} from './template-edits';

/** The draft of `template`, how to change it, and whether it changed. */
export function useTemplateDraft(template: CatalogTemplate) {
  const edits = useTemplateEditsContext();
  const [local, setLocal] = useState(() => draftFrom(template));
  const draft = edits ? edits.draftOf(template) : local;

  function update(next: TemplateDraft) {
    if (edits) {
      edits.edit(template, next);
    } else {
      setLocal(next);
    }
  }

  return {
    draft,
    update,
    changed: !sameDraft(draft, template),
    /** Forgets the page's edit once the library has it. */
    forget: () => edits?.forget(template.id),
  };
}
