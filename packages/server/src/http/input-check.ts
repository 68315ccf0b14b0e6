/**
 * Finds what Postgres cannot store or Herald cannot walk safely in a
 * parsed request value: NUL characters and lone UTF-16 surrogates in any
 * string or key, and nesting deeper than a limit. The walk is iterative,
 * so a hostile depth cannot overflow the stack while it is measured.
 */

/** Default deepest nesting of objects and arrays a request may carry. */
export const DEFAULT_MAX_INPUT_DEPTH = 64;

/** What is wrong with a value, and where (a dotted path). */
export interface InputProblem {
  path: string;
  message: string;
}

/** NUL, or a surrogate half without its partner. */
const UNSTORABLE =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Visit {
  value: unknown;
  path: string[];
}

/** The first problem of `value`, or undefined when it is safe to use. */
export function findInputProblem(
  value: unknown,
  maxDepth = DEFAULT_MAX_INPUT_DEPTH,
): InputProblem | undefined {
  const pending: Visit[] = [{ value, path: [] }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const problem = checkOne(visit, maxDepth, pending);
    if (problem) {
      return problem;
    }
  }

  return undefined;
}

function checkOne(
  { value, path }: Visit,
  maxDepth: number,
  pending: Visit[],
): InputProblem | undefined {
  if (typeof value === 'string') {
    return isStorable(value) ? undefined : unstorable(path);
  }
  if (!isContainer(value)) {
    return undefined;
  }
  if (path.length >= maxDepth) {
    return {
      path: path.join('.'),
      message: `nested deeper than ${maxDepth} levels`,
    };
  }

  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries.reverse()) {
    if (!isStorable(key)) {
      return unstorable([...path, printable(key)]);
    }

    pending.push({ value: item, path: [...path, key] });
  }

  return undefined;
}

/**
 * Arrays and plain objects, including the prototype-less dictionaries a
 * query string parses into; buffers and other objects are not walked.
 */
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) {
    return true;
  }
  if (typeof value !== 'object' || value === null) {
    return false;
  }

  const prototype = Object.getPrototypeOf(value);
  return (
    prototype === Object.prototype ||
    prototype === null ||
    Object.getPrototypeOf(prototype) === null
  );
}

function isStorable(text: string) {
  return !UNSTORABLE.test(text);
}

function unstorable(path: string[]): InputProblem {
  return {
    path: path.join('.'),
    message: 'text may not hold NUL characters or lone surrogates',
  };
}

/** A key safe to echo back: the offending characters replaced. */
function printable(key: string) {
  return key.replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD');
}
