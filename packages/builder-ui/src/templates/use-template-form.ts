/**
 * The state of the Template library's form: the Template's id (new ones
 * only), name, category, default body and locale variants, and saving
 * them to the library.
 */
import { useState } from 'react';
import type { LibraryTemplate } from '../api/activity-types';
import { useApi } from '../api/api-context';

/** What the form edits. */
export interface TemplateFormDraft {
  id: string;
  name: string;
  category: string;
  body: string;
  variants: Record<string, string>;
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** The form's draft, its checks, and saving it. */
export function useTemplateForm(
  template: LibraryTemplate | null,
  onSaved: (template: LibraryTemplate) => void,
) {
  const api = useApi();
  const [draft, setDraft] = useState<TemplateFormDraft>({
    id: template?.id ?? '',
    name: template?.name ?? '',
    category: template?.category ?? '',
    body: template?.body ?? '',
    variants: template?.variants ?? {},
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const idValid = idPattern.test(draft.id);

  function update(patch: Partial<TemplateFormDraft>) {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  }

  async function save() {
    setError(null);
    try {
      const stored = await api.saveTemplate(draft.id, {
        name: draft.name,
        category: draft.category === '' ? undefined : draft.category,
        body: draft.body,
        variants: draft.variants,
      });
      onSaved({ ...draft, ...stored, category: draft.category || null });
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  return {
    draft,
    update,
    save,
    error,
    saved,
    idValid,
    canSave: idValid && draft.name !== '' && draft.body !== '',
  };
}
