/**
 * Hostile request bodies generated from a route's own zod schema: values
 * of the right shape mixed with wrong types, huge strings, deep nesting,
 * prototype keys and SQL and Liquid injection strings.
 */
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
};

/** Strings an attacker would try. */
export const hostileStrings = [
  "'; drop table customers; --",
  "' or '1'='1",
  '"; select pg_sleep(5); --',
  '{{ customer | json }}',
  '{% for i in (1..100000000) %}x{% endfor %}',
  '{% include "../../etc/passwd" %}',
  '{{ "x" | append: "y" | times: 999999999 }}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\u0001\uFFFF',
  '𝕳𝖊𝖗𝖆𝖑𝖉'.repeat(100),
  '__proto__',
  'constructor',
];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 40 }),
  fc.constant('x'.repeat(300_000)),
);

const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.constant(deepArray(200)),
  fc.constant(deepObject(200)),
);

/** An arbitrary body for a zod schema, hostile in places. */
export function hostileBodyFor(schema: unknown): fc.Arbitrary<unknown> {
  const json = toJsonSchema(schema);
  return fc.oneof(
    { weight: 4, arbitrary: fromJsonSchema(json, 0) },
    { weight: 1, arbitrary: wrongValue },
  );
}

/** Raw JSON texts no generator makes: prototype keys and huge nesting. */
export function hostileTexts(): string[] {
  return [
    '{"__proto__": {"role": "admin", "polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"items": [{"__proto__": {"polluted": true}}]}',
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    '{"a": 1, "a": 2}',
    '{',
    '',
    'null',
    `"${'y'.repeat(1_000_000)}"`,
  ];
}

function fromJsonSchema(
  schema: JsonSchema,
  depth: number,
): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) {
    return fc.oneof(...variants.map((item) => fromJsonSchema(item, depth + 1)));
  }
  if (schema.enum) {
    return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  }
  if (schema.const !== undefined) {
    return fc.oneof(fc.constant(schema.const), wrongValue);
  }
  if (depth > 6) {
    return wrongValue;
  }

  return fc.oneof(
    { weight: 5, arbitrary: byType(schema, depth) },
    { weight: 1, arbitrary: wrongValue },
  );
}

function byType(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectOf(schema, depth);
    case 'array':
      return fc.array(fromJsonSchema(schema.items ?? {}, depth + 1), {
        maxLength: 4,
      });
    case 'string':
      return hostileString;
    case 'integer':
      return fc.oneof(fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER * 4));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true }), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return wrongValue;
  }
}

function objectOf(schema: JsonSchema, depth: number) {
  const properties = Object.entries(schema.properties ?? {});
  const known = properties.map(([key, value]) =>
    fc.option(
      fromJsonSchema(value, depth + 1).map((item) => [key, item] as const),
      { nil: undefined },
    ),
  );
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom('unknownField', 'isAdmin', 'role', 'prototype'),
      wrongValue,
    ),
    { nil: undefined, freq: 4 },
  );
  return fc.tuple(fc.tuple(...known), extra).map(([pairs, unknown]) => {
    const body: Record<string, unknown> = {};
    for (const pair of [...pairs, unknown]) {
      if (pair) {
        body[pair[0]] = pair[1];
      }
    }
    return body;
  });
}

function toJsonSchema(schema: unknown): JsonSchema {
  if (!schema || !(schema instanceof z.ZodType)) {
    return {};
  }

  return z.toJSONSchema(schema, {
    unrepresentable: 'any',
    io: 'input',
    cycles: 'ref',
  }) as JsonSchema;
}

function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) {
    value = [value];
  }
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) {
    value = { a: value };
  }
  return value;
}
