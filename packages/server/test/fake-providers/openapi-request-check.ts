/**
 * Validates requests against a provider's official OpenAPI description
 * (in /work/shared/data, or HERALD_PROVIDER_SPECS), with openapi-backend.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIBackend } from 'openapi-backend';
import YAML from 'yaml';

/** Where the providers' descriptions live. */
export const specDir =
  process.env.HERALD_PROVIDER_SPECS ?? '/work/shared/data';

/** A request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** A loaded description: validate a request, get the errors or []. */
export interface RequestCheck {
  check(request: SeenRequest): string[];
}

const cache = new Map<string, Promise<RequestCheck>>();

/** Loads `file` (JSON or YAML) once per process. */
export function loadRequestCheck(file: string): Promise<RequestCheck> {
  let pending = cache.get(file);
  if (!pending) {
    pending = build(path.join(specDir, file));
    cache.set(file, pending);
  }

  return pending;
}

async function build(fullPath: string): Promise<RequestCheck> {
  const text = fs.readFileSync(fullPath, 'utf8');
  const definition = fullPath.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    validate: true,
    strict: false,
    ajvOpts: { strict: false, logger: false } as any,
    customizeAjv: (ajv) => {
      ajv.addFormat('phone-number', /^(\+[1-9]\d{1,14}|[a-z]+:\+?\d+)$/);
      ajv.addFormat('uri', /^https?:\/\/[^\s_]+$/);
      ajv.addFormat('url', /^https?:\/\/\S+$/);
      for (const name of ['date-time', 'date', 'email', 'uuid']) {
        ajv.addFormat(name, true);
      }
      return ajv;
    },
  });
  await api.init();
  return {
    check(request) {
      const result = api.validateRequest({
        method: request.method.toLowerCase(),
        path: request.path,
        query: request.query,
        headers: request.headers as Record<string, string>,
        body: request.body as any,
      });
      if (result.valid) {
        return [];
      }

      return (result.errors ?? []).map(
        (error) => `${error.instancePath || '/'} ${error.message}`,
      );
    },
  };
}
