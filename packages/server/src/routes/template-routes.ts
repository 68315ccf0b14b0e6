/**
 * The Template library and the catalog the builder checks Flows against.
 */
import { checkTemplate, customerFields } from '@herald/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import {
  listTemplates,
  saveTemplate,
} from '../repositories/template-repository.js';
import { loadBuilderCatalog } from '../services/flow-service.js';
import type { AppContext } from '../http/app-context.js';

const templateId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -');

const templateBody = z
  .object({
    name: z.string().min(1).max(200),
    /** Omitted keeps the stored category; null clears it. */
    category: z.string().max(64).nullish(),
    body: z.string().min(1).max(10_000),
    /** Bodies per locale (`de`, `pt-BR` …); omitted keeps the stored ones. */
    variants: z
      .record(
        z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale'),
        z.string().min(1).max(10_000),
      )
      .optional(),
  })
  .strict();

export function templateRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/templates',
      {
        config: { access: 'template-read' },
        schema: { tags: ['templates'], summary: 'List the library' },
      },
      async () => ({ items: await listTemplates(context.db) }),
    );

    app.put(
      '/api/templates/:id',
      {
        config: { access: 'admin', audit: 'template.edit' },
        schema: {
          tags: ['templates'],
          summary: 'Create or edit a library template',
          params: z.object({ id: templateId }),
          body: templateBody,
        },
      },
      async (request) => {
        const { body, variants } = request.body;
        const bodies = [
          ['body', body],
          ...Object.entries(variants ?? {}).map(([locale, text]) => [
            `variants.${locale}`,
            text,
          ]),
        ];
        for (const [field, text] of bodies) {
          const problems = syntaxProblems(text);
          if (problems.length > 0) {
            throw new HeraldError(
              'HERALD_TEMPLATE_INVALID',
              problems[0].message,
              { field, problems },
            );
          }
        }

        return saveTemplate(context.db, {
          id: request.params.id,
          name: request.body.name,
          category: request.body.category,
          body,
          variants,
        });
      },
    );

    app.get(
      '/api/catalog',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['flows'],
          summary: 'Object types and templates, for the builder',
        },
      },
      async () => loadBuilderCatalog(context.db),
    );
  };
}

/**
 * Syntax problems only: which record fields a library Template may use
 * depends on the Flow using it, and is checked when that Flow publishes.
 */
function syntaxProblems(body: string) {
  return checkTemplate(body, { record: [], customer: customerFields }).filter(
    (problem) => problem.code === 'HERALD_TEMPLATE_SYNTAX',
  );
}
