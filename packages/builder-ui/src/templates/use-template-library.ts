/**
 * The Template library page's data: the library (with what this page
 * saved since it loaded), its categories, which Flows use each Template,
 * and the catalog's object types for previews.
 */
import { useMemo, useState } from 'react';
import type { LibraryTemplate } from '../api/activity-types';
import { listLibraryTemplates } from '../api/activity-api';
import { useApiResource } from '../api/use-api-resource';
import { loadTemplateUsage, type TemplateUser } from './template-usage';

/** The library, sorted by name, and what the page needs beside it. */
export function useTemplateLibrary() {
  const library = useApiResource('library-templates', () =>
    listLibraryTemplates(),
  );
  const usage = useApiResource('template-usage', loadTemplateUsage);
  const catalog = useApiResource('catalog', (api) => api.getCatalog());
  const [saved, setSaved] = useState<LibraryTemplate[]>([]);

  const templates = useMemo(() => {
    const loaded = library.state === 'ready' ? library.data : [];
    const byId = new Map(loaded.map((template) => [template.id, template]));
    saved.forEach((template) => byId.set(template.id, template));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [library, saved]);
  const categories = [
    ...new Set(templates.flatMap((template) => template.category ?? [])),
  ].sort();

  return {
    library,
    templates,
    categories,
    objectTypes: catalog.state === 'ready' ? catalog.data.objectTypes : [],
    usersOf: (id: string): TemplateUser[] =>
      usage.state === 'ready' ? (usage.data.get(id) ?? []) : [],
    remember: (template: LibraryTemplate) =>
      setSaved((current) => [...current, template]),
  };
}
