/**
 * A Template's texts as the editors hold them: the default body and a
 * body per locale. `null` names the default body.
 */

/** The editable texts of a Template. */
export interface TemplateTexts {
  body: string;
  variants: Record<string, string>;
}

/** Locale keys the API accepts: `de`, `fr-CA`, `pt-BR` … */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The text of the default body (null) or of a locale's variant. */
export function textOf(texts: TemplateTexts, locale: string | null): string {
  return locale === null ? texts.body : (texts.variants[locale] ?? '');
}

/** The texts with one of them replaced. */
export function withText(
  texts: TemplateTexts,
  locale: string | null,
  text: string,
): TemplateTexts {
  if (locale === null) {
    return { ...texts, body: text };
  }

  return { ...texts, variants: { ...texts.variants, [locale]: text } };
}

/** The texts with a new variant, starting as a copy of the default body. */
export function withVariant(
  texts: TemplateTexts,
  locale: string,
): TemplateTexts {
  return withText(texts, locale, texts.body);
}

/** The texts without one variant. */
export function withoutVariant(
  texts: TemplateTexts,
  locale: string,
): TemplateTexts {
  const variants = { ...texts.variants };
  delete variants[locale];
  return { ...texts, variants };
}

/** Locales with a variant, sorted. */
export function variantLocales(texts: TemplateTexts): string[] {
  return Object.keys(texts.variants).sort();
}

/** Why a new locale cannot be added; null when it can. */
export function localeProblem(
  texts: TemplateTexts,
  locale: string,
): string | null {
  if (!LOCALE_PATTERN.test(locale)) {
    return 'Write a locale like de, fr-CA or pt-BR.';
  }

  const taken = variantLocales(texts).some(
    (existing) => existing.toLowerCase() === locale.toLowerCase(),
  );
  return taken ? `There is a ${locale} variant already.` : null;
}

/** Whether two sets of texts are the same. */
export function sameTexts(a: TemplateTexts, b: TemplateTexts): boolean {
  return (
    a.body === b.body &&
    JSON.stringify(sortedEntries(a.variants)) ===
      JSON.stringify(sortedEntries(b.variants))
  );
}

function sortedEntries(variants: Record<string, string>) {
  return Object.entries(variants).sort(([x], [y]) => x.localeCompare(y));
}
