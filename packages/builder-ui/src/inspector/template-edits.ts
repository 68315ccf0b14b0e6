/**
 * Template text edited in the inspector but not yet saved to the library,
 * kept by the Flow page rather than by the editor: it survives closing the
 * inspector, marks the page as having unsaved changes, and Publish saves
 * it first, so a Flow is never published with the old text by mistake.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
import type { CatalogTemplate } from '../api/api-types';
import { sameTexts } from './template-variants';

/** The name and texts (default body, locale variants) in the editor. */
export interface TemplateDraft {
  name: string;
  body: string;
  variants: Record<string, string>;
}

/** Unsaved Template edits of one page, by Template id. */
export interface TemplateEdits {
  /** Templates whose edited name or text differs from the library's. */
  pending: (CatalogTemplate & TemplateDraft)[];
  /** The editor's name and text for `template`. */
  draftOf: (template: CatalogTemplate) => TemplateDraft;
  /** Records an edit; one equal to the library's is no longer pending. */
  edit: (template: CatalogTemplate, draft: TemplateDraft) => void;
  /** Forgets the edit of a Template, once it was saved. */
  forget: (templateId: string) => void;
}

/** Holds a page's unsaved Template edits. */
export function useTemplateEdits(): TemplateEdits {
  const [edits, setEdits] = useState(
    () => new Map<string, CatalogTemplate & TemplateDraft>(),
  );

  const draftOf = useCallback(
    (template: CatalogTemplate) =>
      edits.get(template.id) ?? draftFrom(template),
    [edits],
  );
  const edit = useCallback(
    (template: CatalogTemplate, draft: TemplateDraft) =>
      setEdits((current) => {
        const next = new Map(current);
        if (sameDraft(draft, template)) {
          next.delete(template.id);
        } else {
          next.set(template.id, { ...template, ...draft });
        }

        return next;
      }),
    [],
  );
  const forget = useCallback(
    (templateId: string) =>
      setEdits((current) => {
        const next = new Map(current);
        next.delete(templateId);
        return next;
      }),
    [],
  );

  return useMemo(
    () => ({ pending: [...edits.values()], draftOf, edit, forget }),
    [edits, draftOf, edit, forget],
  );
}

/** The page's Template edits; null outside a Flow page. */
export const TemplateEditsContext = createContext<TemplateEdits | null>(null);

/** The page's Template edits, or null when the editor keeps its own. */
export function useTemplateEditsContext(): TemplateEdits | null {
  return useContext(TemplateEditsContext);
}

/** A library Template's name and texts as the editor starts them. */
export function draftFrom(template: CatalogTemplate): TemplateDraft {
  return {
    name: template.name,
    body: template.body,
    variants: template.variants ?? {},
  };
}

/** Whether the editor's draft equals the library's Template. */
export function sameDraft(draft: TemplateDraft, template: CatalogTemplate) {
  return draft.name === template.name && sameTexts(draft, draftFrom(template));
}
