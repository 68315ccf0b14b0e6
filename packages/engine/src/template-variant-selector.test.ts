import { describe, expect, it } from 'vitest';
import { demoCatalog, demoFlow } from './demo-flow.fixture.js';
import { validateFlow } from './flow-validator.js';
import { selectTemplateVariant } from './template-variant-selector.js';

const template = {
  body: 'Hello',
  variants: { de: 'Hallo', 'de-AT': 'Servus', pt_BR: 'Olá', fr: 'Bonjour' },
};

describe('selectTemplateVariant', () => {
  it.each([
    ['the exact locale', 'de-AT', 'Servus', 'de-AT'],
    ['the language when the region has no variant', 'de-CH', 'Hallo', 'de'],
    ['a bare language', 'fr', 'Bonjour', 'fr'],
    ['a locale written with _ or another case', 'PT-br', 'Olá', 'pt_BR'],
    ['the default for an unknown language', 'es-ES', 'Hello', undefined],
    ['the default for a blank locale', '  ', 'Hello', undefined],
    ['the default for a missing locale', undefined, 'Hello', undefined],
    ['the default for a non-text locale', 42, 'Hello', undefined],
  ])('picks %s', (_name, locale, body, key) => {
    expect(selectTemplateVariant(template, locale)).toEqual(
      key === undefined ? { body } : { body, locale: key },
    );
  });

  it('uses the body when the template has no variants', () => {
    expect(selectTemplateVariant({ body: 'Hi' }, 'de')).toEqual({ body: 'Hi' });
  });

  it('validates the merge fields of every variant', () => {
    const catalog = structuredClone(demoCatalog);
    catalog.templates[0].variants = {
      de: 'Hallo {{ customer.firstName }}',
      fr: 'Bonjour {{ record.nope }}',
    };

    const problems = validateFlow(demoFlow(), catalog);
    expect(problems).toMatchObject([
      {
        code: 'HERALD_TEMPLATE_UNKNOWN_FIELD',
        stepId: 'message',
        message: expect.stringContaining('(fr)'),
      },
    ]);
  });
});
