/**
 * Which body of a Template a Customer receives: the variant for their
 * locale, else the variant for their language, else the default body.
 * Locales compare without case and with `_` read as `-`, so `pt_BR`,
 * `pt-br` and `PT-BR` name the same variant.
 */
import type { TemplateDef } from './catalog.js';

/** The chosen body, and the variant key it came from (none: the default). */
export interface TemplateVariant {
  body: string;
  /** The `variants` key chosen; undefined when the default body is used. */
  locale?: string;
}

/**
 * Picks the body for a Customer locale such as `de-AT`: the `de-AT`
 * variant, else the `de` variant, else `body`. A blank or non-text locale
 * gets the default body.
 */
export function selectTemplateVariant(
  template: Pick<TemplateDef, 'body' | 'variants'>,
  locale: unknown,
): TemplateVariant {
  const variants = template.variants ?? {};
  if (typeof locale !== 'string' || locale.trim() === '') {
    return { body: template.body };
  }

  // Limitation: a `de-AT` Customer never falls back to a `de-DE` variant,
  // only to `de`; give each language a variant of its own.
  const wanted = normalizeLocale(locale);
  const language = wanted.split('-')[0];
  const keys = Object.keys(variants);
  const key =
    keys.find((candidate) => normalizeLocale(candidate) === wanted) ??
    keys.find((candidate) => normalizeLocale(candidate) === language);
  if (key === undefined) return { body: template.body };

  return { body: variants[key], locale: key };
}

function normalizeLocale(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}
