/**
 * Validates requests against a provider's official OpenAPI description
 * (in /work/shared/data, or HERALD_PROVIDER_SPECS), with openapi-backend.
 * A description may be amended on load, but only where the provider's
 * own documentation says more than its description (see `amend`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIBackend } from 'openapi-backend';
import YAML from 'yaml';

/** Where the providers' descriptions live. */
export const specDir = process.env.HERALD_PROVIDER_SPECS ?? '/work/shared/data';

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

/** Changes made to a loaded description before it is used. */
export type DescriptionAmendment = (definition: any) => void;

/**
 * Loads `file` (JSON or YAML) once per process; `amend` may add what the
 * provider documents but its description leaves out.
 */
export function loadRequestCheck(
  file: string,
  amend?: DescriptionAmendment,
): Promise<RequestCheck> {
  let pending = cache.get(file);
  if (!pending) {
    pending = build(path.join(specDir, file), amend);
    cache.set(file, pending);
  }

  return pending;
}

async function build(
  fullPath: string,
  amend: DescriptionAmendment | undefined,
): Promise<RequestCheck> {
  const text = fs.readFileSync(fullPath, 'utf8');
  const definition = fullPath.endsWith('.json')
    ? JSON.parse(text)
    : YAML.parse(text);
  amend?.(definition);
  closeAllOfProperties(definition);
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

/**
 * Some descriptions (Meta's) put `additionalProperties: false` on one
 * member of an `allOf`; read literally, no object can satisfy it, since
 * the other members' properties count as additional. The authors mean
 * "nothing beyond the union", so that member is given the union's
 * property names (as `true` schemas: each member still checks its own).
 */
export function closeAllOfProperties(definition: any) {
  const schemas = definition?.components?.schemas ?? {};
  const resolve = (schema: any): any => {
    const ref = schema?.$ref as string | undefined;
    if (!ref?.startsWith('#/components/schemas/')) {
      return schema;
    }

    return schemas[ref.slice('#/components/schemas/'.length)];
  };
  const propertyNames = (schema: any): string[] => {
    const target = resolve(schema) ?? {};
    const own = Object.keys(target.properties ?? {});
    const nested = (target.allOf ?? []).flatMap(propertyNames);
    return [...own, ...nested];
  };

  for (const schema of Object.values<any>(schemas)) {
    const members: any[] = Array.isArray(schema?.allOf) ? schema.allOf : [];
    const closed = members.filter(
      (member) => member?.additionalProperties === false,
    );
    if (closed.length === 0) {
      continue;
    }

    const names = members.flatMap(propertyNames);
    for (const member of closed) {
      member.properties ??= {};
      for (const name of names) {
        member.properties[name] ??= true;
      }
    }
  }
}
