/**
 * What changed between two copies of a Template: its name, its default
 * body, and which locale variants were added, removed or rewritten. The
 * builder's Publish dialog compares the copy an active version was
 * published with against the library; the server's audit log compares a
 * library Template before and after an edit.
 */
import type { TemplateDef } from './catalog.js';

/** The parts of a Template a diff compares. */
export type TemplateText = Pick<TemplateDef, 'name' | 'body' | 'variants'>;

/** How one copy of a Template differs from another. */
export interface TemplateDiff {
  name: boolean;
  body: boolean;
  /** Locale keys, sorted. */
  variantsAdded: string[];
  variantsRemoved: string[];
  variantsChanged: string[];
}

/** How `after` differs from `before`. */
export function diffTemplates(
  before: TemplateText,
  after: TemplateText,
): TemplateDiff {
  const old = before.variants ?? {};
  const now = after.variants ?? {};
  const locales = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  locales.sort();

  return {
    name: before.name !== after.name,
    body: before.body !== after.body,
    variantsAdded: locales.filter((locale) => !(locale in old)),
    variantsRemoved: locales.filter((locale) => !(locale in now)),
    variantsChanged: locales.filter(
      (locale) => locale in old && locale in now && old[locale] !== now[locale],
    ),
  };
}

/** Whether the two copies are the same. */
export function isSameTemplate(diff: TemplateDiff): boolean {
  return describeTemplateDiff(diff).length === 0;
}

/**
 * The diff in words, one per changed part, e.g.
 * `["body", "variant de added", "variants fr, it changed"]`; empty when
 * nothing changed.
 */
export function describeTemplateDiff(diff: TemplateDiff): string[] {
  return [
    diff.name ? 'name' : '',
    diff.body ? 'body' : '',
    variantWords(diff.variantsAdded, 'added'),
    variantWords(diff.variantsRemoved, 'removed'),
    variantWords(diff.variantsChanged, 'changed'),
  ].filter((words) => words !== '');
}

function variantWords(locales: string[], what: string): string {
  if (locales.length === 0) {
    return '';
  }

  const noun = locales.length === 1 ? 'variant' : 'variants';
  return `${noun} ${locales.join(', ')} ${what}`;
}
