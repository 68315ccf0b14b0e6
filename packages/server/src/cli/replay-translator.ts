/**
 * Turning change events into record changes for a dry run: by Herald's
 * connector with the mappings it has stored, or, when the replay is given
 * a mappings file, here with that file and Herald's object types, so a
 * dry run can try mappings before they are stored.
 */
import fs from 'node:fs/promises';
import type { ObjectTypeDef } from '@herald/engine';
import { parseCdcEvent } from '../connectors/salesforce-cdc-event.js';
import {
  cdcMappingInputSchema,
  type CdcMapping,
} from '../connectors/salesforce-cdc-mapping.js';
import { translateCdcEvent } from '../connectors/salesforce-cdc-translator.js';
import { HeraldError } from '../errors.js';
import type { RecordChangeInput } from '../services/record-service.js';
import type { HeraldClient } from './herald-client.js';
import type { ItemAnswer } from './replay-tally.js';

/** What one event becomes, as the translate endpoint answers it. */
export type TranslateAnswer = ItemAnswer<
  | {
      outcome: 'changes';
      changes: RecordChangeInput[];
      ignoredFields: string[];
    }
  | { outcome: 'recorded' }
>;

/** Translates a batch of raw events, answering per event. */
export type EventTranslator = (events: unknown[]) => Promise<TranslateAnswer[]>;

/** Translation by Herald's connector, with its stored mappings. */
export function serverTranslator(client: HeraldClient): EventTranslator {
  return async (events) => {
    const answer = await client.send<{ items: TranslateAnswer[] }>(
      'POST',
      '/api/connectors/salesforce-cdc/translate',
      { events },
    );
    return answer.items;
  };
}

/** Translation here, with the mappings of `file` and Herald's object types. */
export async function localTranslator(
  client: HeraldClient,
  file: string,
): Promise<EventTranslator> {
  const mappings = await readMappingsFile(file);
  const { items } = await client.send<{ items: ObjectTypeDef[] }>(
    'GET',
    '/api/object-types',
  );
  const types = new Map(items.map((type) => [type.name, type]));
  return async (events) => events.map((raw) => translateOne(raw));

  function translateOne(raw: unknown): TranslateAnswer {
    try {
      const event = parseCdcEvent(raw);
      const entity = event.header.entityName;
      const mapping = mappings.get(entity);
      if (!mapping) {
        throw new HeraldError(
          'HERALD_CONNECTOR_UNKNOWN_ENTITY',
          `no mapping for Salesforce entity ${entity} in ${file}`,
        );
      }

      const type = types.get(mapping.objectType);
      if (!type) {
        throw new HeraldError(
          'HERALD_UNKNOWN_OBJECT_TYPE',
          `object type ${mapping.objectType} is not defined`,
        );
      }

      return { ok: true, ...translateCdcEvent(event, mapping, type) };
    } catch (error) {
      if (!(error instanceof HeraldError)) {
        throw error;
      }

      return { ok: false, error: { code: error.code, message: error.message } };
    }
  }
}

/** Reads `{ "<entity>": mapping, … }`; throws naming the entity at fault. */
export async function readMappingsFile(
  file: string,
): Promise<Map<string, CdcMapping>> {
  const raw = JSON.parse(await fs.readFile(file, 'utf8')) as Record<
    string,
    unknown
  >;
  const mappings = new Map<string, CdcMapping>();
  for (const [entity, input] of Object.entries(raw)) {
    const parsed = cdcMappingInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${file}: ${entity}.${issue.path.join('.')}: ${issue.message}`,
      );
    }

    mappings.set(entity, { entity, ...parsed.data });
  }

  return mappings;
}
