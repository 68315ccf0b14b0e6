import { describe, expect, it } from 'vitest';
import {
  describeTemplateDiff,
  diffTemplates,
  isSameTemplate,
} from './template-diff.js';

const base = {
  name: 'Shipping update',
  body: 'Hi {{ customer.firstName }}',
  variants: { de: 'Hallo', fr: 'Bonjour' },
};

describe('diffTemplates', () => {
  it.each([
    ['nothing', {}, []],
    ['the name', { name: 'Shipped' }, ['name']],
    ['the body', { body: 'Hello' }, ['body']],
    [
      'an added variant',
      { variants: { ...base.variants, it: 'Ciao' } },
      ['variant it added'],
    ],
    ['removed variants', { variants: {} }, ['variants de, fr removed']],
    [
      'a rewritten variant',
      { variants: { de: 'Servus', fr: 'Bonjour' } },
      ['variant de changed'],
    ],
    [
      'variants left out as none',
      { body: 'Hello', variants: undefined },
      ['body', 'variants de, fr removed'],
    ],
  ])('names %s', (_name, change, words) => {
    const diff = diffTemplates(base, { ...base, ...change });
    expect(describeTemplateDiff(diff)).toEqual(words);
    expect(isSameTemplate(diff)).toBe(words.length === 0);
  });
});
