/**
 * Checking and rendering Template bodies with Liquid. Variables and filters
 * are strict: a merge field the Flow cannot supply is a check problem, and
 * a value missing at send time blocks the Delivery unless the body gives a
 * `| default: ...` for it.
 */
import { Liquid } from 'liquidjs';
import type { FieldDef } from './catalog.js';
import { changeFields } from './fact-field.js';
import { isBlank } from './field-value.js';
import type { ChangeFacts } from './rule-set.js';
import { registerTemplateFilters } from './template-filters.js';

/** Longest Template body accepted, in characters. */
export const TEMPLATE_PARSE_LIMIT = 20_000;
/** Longest time one render may take, in milliseconds. */
export const TEMPLATE_RENDER_LIMIT_MS = 200;
/** Most memory one render may allocate, in liquidjs allocation units. */
export const TEMPLATE_MEMORY_LIMIT = 1_000_000;

/** A problem found in a Template body. */
export interface TemplateProblem {
  code: 'HERALD_TEMPLATE_SYNTAX' | 'HERALD_TEMPLATE_UNKNOWN_FIELD';
  message: string;
  /** The merge field, such as `record.nope`. */
  field?: string;
}

/** The fields each merge-field root may read. */
export interface TemplateRoots {
  record: FieldDef[];
  customer: FieldDef[];
}

/** What a Template is rendered with. */
export interface TemplateContext {
  record: Record<string, unknown>;
  customer: Record<string, unknown>;
  prior?: Record<string, unknown> | null;
  change?: ChangeFacts | Record<string, unknown>;
  /** ISO instant of the render. */
  now: string;
}

/** Rendering options; each defaults to the Customer's, then en / UTC. */
export interface RenderOptions {
  locale?: string;
  timeZone?: string;
}

/** The outcome of one render; failures carry a stable code. */
export type RenderResult =
  | { ok: true; text: string }
  | {
      ok: false;
      code: 'HERALD_TEMPLATE_MISSING_VALUE' | 'HERALD_TEMPLATE_RENDER';
      message: string;
      field?: string;
    };

const liquid = new Liquid({
  strictVariables: true,
  strictFilters: true,
  lenientIf: true,
  ownPropertyOnly: true,
  parseLimit: TEMPLATE_PARSE_LIMIT,
  renderLimit: TEMPLATE_RENDER_LIMIT_MS,
  memoryLimit: TEMPLATE_MEMORY_LIMIT,
  // No file system: partials are looked up in this empty map, never on disk.
  templates: {},
  outputEscape: refuseObjectOutput,
});
registerTemplateFilters(liquid);
forbidFileTags(liquid);

const MONEY_PARTS = new Set(['amount', 'currency']);

/**
 * Checks a body without rendering it: Liquid syntax, known filters, and
 * that every merge field exists on the record (also read as `prior`), the
 * Customer, the Change, or is `now`.
 */
export function checkTemplate(
  body: string,
  allowedRoots: TemplateRoots,
): TemplateProblem[] {
  let segments: unknown[][];
  try {
    segments = liquid.globalVariableSegmentsSync(liquid.parse(body));
  } catch (error) {
    return [{ code: 'HERALD_TEMPLATE_SYNTAX', message: errorMessage(error) }];
  }

  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  for (const path of segments) {
    const field = path.map(String).join('.');
    if (seen.has(field)) continue;

    seen.add(field);
    const message = unknownFieldMessage(path, allowedRoots);
    if (message) {
      problems.push({ code: 'HERALD_TEMPLATE_UNKNOWN_FIELD', message, field });
    }
  }

  return problems;
}

/**
 * Renders a body. Null, undefined and blank field values count as missing:
 * reading one without `| default:` (as the first filter) fails with
 * HERALD_TEMPLATE_MISSING_VALUE naming the field.
 */
export async function renderTemplate(
  body: string,
  context: TemplateContext,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const scope = {
    record: withoutBlanks(context.record),
    customer: withoutBlanks(context.customer),
    prior: withoutBlanks(context.prior ?? {}),
    change: context.change ?? {},
    now: context.now,
  };
  // Limitation: `default` only rescues a missing value as the first filter;
  // `{{ record.x | upcase | default: "y" }}` still blocks.
  const locale = options.locale ?? stringOr(context.customer.locale, 'en');
  const timeZone =
    options.timeZone ?? stringOr(context.customer.timeZone, 'UTC');

  try {
    const text = await liquid.parseAndRender(body, scope, {
      globals: { heraldFormat: { locale, timeZone } },
    });
    return { ok: true, text };
  } catch (error) {
    return renderFailure(error);
  }
}

function unknownFieldMessage(
  path: unknown[],
  roots: TemplateRoots,
): string | undefined {
  const [root, name, ...rest] = path;
  if (path.some((segment) => typeof segment !== 'string')) {
    return `merge field ${String(root)} uses a computed lookup`;
  }

  if (root === 'now') {
    return name === undefined ? undefined : 'now has no fields';
  }

  const fields = fieldsOfRoot(root as string, roots);
  if (!fields) return `unknown merge field root "${String(root)}"`;

  if (name === undefined) return `use a field of ${String(root)}`;

  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return `${String(root)} has no field "${String(name)}"`;

  const restOk =
    rest.length === 0 ||
    (field.type === 'money' &&
      rest.length === 1 &&
      MONEY_PARTS.has(rest[0] as string));
  return restOk ? undefined : `${String(root)}.${field.name} has no such part`;
}

function fieldsOfRoot(
  root: string,
  roots: TemplateRoots,
): FieldDef[] | undefined {
  if (root === 'record' || root === 'prior') return roots.record;

  if (root === 'customer') return roots.customer;

  if (root === 'change') {
    return [...changeFields, { name: 'changedFields', type: 'text' }];
  }

  return undefined;
}

/**
 * Printing an object (a money value, a nested record) would send
 * "[object Object]": the output fails instead, naming the expression, so
 * the body picks a part (`.amount`) or a filter (`money`, `json`).
 */
function refuseObjectOutput(value: unknown): string {
  const plainObject =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date);
  if (plainObject) {
    throw new ObjectOutputError();
  }

  // Passed on as it is: Liquid's own output turns it into text.
  return value as string;
}

class ObjectOutputError extends Error {
  constructor() {
    super('the value is an object');
    this.name = 'ObjectOutputError';
  }
}

function renderFailure(error: unknown): RenderResult {
  const message = errorMessage(error);
  const objectOutput = objectOutputField(error);
  if (objectOutput !== undefined) {
    return {
      ok: false,
      code: 'HERALD_TEMPLATE_RENDER',
      message:
        `${objectOutput} holds an object, not text: print one of its ` +
        'fields or use a filter such as money or json',
      field: objectOutput,
    };
  }

  const missing = /undefined variable: ([^,\s]+)/.exec(message);
  if (
    error instanceof Error &&
    error.name === 'UndefinedVariableError' &&
    missing
  ) {
    return {
      ok: false,
      code: 'HERALD_TEMPLATE_MISSING_VALUE',
      message: `no value for ${missing[1]}`,
      field: missing[1],
    };
  }

  return { ok: false, code: 'HERALD_TEMPLATE_RENDER', message };
}

function withoutBlanks(
  values: Record<string, unknown>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isBlank(value)) kept[key] = value;
  }

  return kept;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A Template is one self-contained body: the tags that pull in other files
 * would let a body read the server's disk, so they do not parse at all.
 */
function forbidFileTags(engine: Liquid) {
  for (const name of ['include', 'render', 'layout']) {
    engine.registerTag(name, {
      parse() {
        throw new Error(`the ${name} tag is not allowed in a Template`);
      },
      render() {
        return '';
      },
    });
  }
}

// The printed expression (`record.total`) when the output was an object.
function objectOutputField(error: unknown): string | undefined {
  const failure = error as {
    originalError?: unknown;
    token?: { content?: string };
  };
  if (!(failure?.originalError instanceof ObjectOutputError)) {
    return undefined;
  }

  const content = failure.token?.content ?? '';
  return content.split('|')[0].trim() || 'a merge field';
}
