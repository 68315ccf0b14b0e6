import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { demoObjectTypes } from '../demo/demo-catalog.js';
import { HeraldError } from '../errors.js';
import { parseCdcEvent } from './salesforce-cdc-event.js';
import {
  cdcMappingInputSchema,
  type CdcMapping,
} from './salesforce-cdc-mapping.js';
import {
  translateCdcEvent,
  type CdcTranslation,
} from './salesforce-cdc-translator.js';

const examplesDir = path.join(repoRoot, 'examples', 'salesforce-cdc');
const mappings = readMappings();

function readJson(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
}

function readMappings(): Map<string, CdcMapping> {
  const raw = readJson('mappings.json') as Record<string, unknown>;
  return new Map(
    Object.entries(raw).map(([entity, input]) => [
      entity,
      { entity, ...cdcMappingInputSchema.parse(input) },
    ]),
  );
}

function translate(raw: unknown): CdcTranslation {
  const event = parseCdcEvent(raw);
  const mapping = mappings.get(event.header.entityName)!;
  const type = demoObjectTypes.find((item) => item.name === mapping.objectType);
  return translateCdcEvent(event, mapping, type!);
}

function eventsOf(name: string): unknown[] {
  const raw = readJson(name) as { events?: unknown[] };
  return raw.events ?? [raw];
}

const iso = (millis: number) => new Date(millis).toISOString();
const source = 'salesforce-cdc';

describe('translateCdcEvent over the shipped examples', () => {
  const cases: { file: string; expected: CdcTranslation[] }[] = [
    {
      file: '01-order-create.cometd.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Order',
              recordId: '8015g00000Kq3nPAAR',
              customerId: 'cust-010',
              fields: {
                number: '00000110',
                status: 'Placed',
                total: 3150,
                product: 'SunMax 400 W panel kit',
                customerId: 'cust-010',
              },
              source,
              sourceRef: '0001a3f2-6c1e-4b7d-9e2a-5f10c8d4b711:1',
              occurredAt: iso(1780000000000),
            },
          ],
          ignoredFields: ['EffectiveDate'],
        },
      ],
    },
    {
      file: '02-shipment-create.cometd.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Shipment',
              recordId: 'a0B5g00000Hq7TbEAJ',
              customerId: 'cust-010',
              fields: {
                status: 'Packed',
                trackingNumber: '1Z48213999',
                carrier: 'UPS',
                orderId: '00000110',
                customerId: 'cust-010',
              },
              source,
              sourceRef: '0001a3f5-2b7d-4c90-8f31-0d6e2a9c4e52:1',
              occurredAt: iso(1780003600000),
            },
          ],
          ignoredFields: [
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'Name',
            'OwnerId',
            'Warehouse__c',
          ],
        },
      ],
    },
    {
      file: '03-shipment-shipped.pubsub.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Shipment',
              recordId: 'a0B5g00000Hq7TbEAJ',
              fields: { status: 'Shipped', shippedAt: iso(1780045200000) },
              source,
              sourceRef: '0001a3f9-9d04-4a1b-b6e7-77c3e1f05a18:1',
              occurredAt: iso(1780045200000),
            },
          ],
          ignoredFields: ['LastModifiedDate'],
        },
      ],
    },
    {
      file: '04-cases-create.cometd.json',
      expected: [
        caseCreate('5005g00000RtY1aAAF', 'cust-006', {
          subject: 'Inverter shows error E21',
          priority: 'High',
          product: 'Helios 8 kW inverter',
          ref: '0001a3fb-1e5a-4f2c-a0d3-3b9e8c7f6a01:1',
          at: 1780048800000,
        }),
        caseCreate('5005g00000RtY1bAAF', 'cust-008', {
          subject: 'Battery not charging overnight',
          priority: 'Medium',
          product: 'PowerWall battery 13 kWh',
          ref: '0001a3fb-44c0-4e7a-9b12-8d2f0e6c3b77:1',
          at: 1780049100000,
        }),
      ],
    },
    {
      file: '05-cases-in-progress.cometd.json',
      expected: [
        {
          outcome: 'changes',
          changes: ['5005g00000RtY1aAAF', '5005g00000RtY1bAAF'].map(
            (recordId) => ({
              objectType: 'Case',
              recordId,
              fields: { status: 'In Progress' },
              source,
              sourceRef: '0001a3fd-7a31-4d6e-8c05-e4b2a9f1d390:1',
              occurredAt: iso(1780052400000),
            }),
          ),
          ignoredFields: ['LastModifiedDate', 'OwnerId'],
        },
      ],
    },
    {
      file: '06-appointment-create.pubsub.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Appointment',
              recordId: '08p5g000001XkQzAAK',
              customerId: 'cust-010',
              fields: {
                status: 'Booked',
                startsAt: iso(1780329600000),
                kind: 'Installation',
                address: '110 Sunny Lane',
                customerId: 'cust-010',
              },
              source,
              sourceRef: '0001a400-0c9e-4b58-a7d2-19f6c3e8b4a5:1',
              occurredAt: iso(1780056000000),
            },
          ],
          ignoredFields: [
            'Address.City',
            'Address.Country',
            'Address.PostalCode',
            'Address.State',
            'AppointmentNumber',
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'OwnerId',
            'ParentRecordId',
            'SchedEndTime',
          ],
        },
      ],
    },
    {
      file: '07-appointment-rescheduled.pubsub.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Appointment',
              recordId: '08p5g000001XkQzAAK',
              fields: {
                status: 'Rescheduled',
                startsAt: null,
                address: '112 Sunny Lane',
              },
              source,
              sourceRef: '0001a402-5f17-4c3a-9e80-c2d7b1a6e934:1',
              occurredAt: iso(1780063200000),
            },
          ],
          ignoredFields: ['LastModifiedDate', 'SchedEndTime'],
        },
      ],
    },
    {
      file: '08-shipment-gap-update.pubsub.json',
      expected: [{ outcome: 'recorded', reason: 'gap' }],
    },
    {
      file: '09-order-delete.cometd.json',
      expected: [
        {
          outcome: 'changes',
          changes: [
            {
              objectType: 'Order',
              recordId: '8015g00000Kq3nPAAR',
              delete: true,
              source,
              sourceRef: '0001a408-8e42-4b6d-a1c9-f3e07b5d2c16:1',
              occurredAt: iso(1780077600000),
            },
          ],
          ignoredFields: [],
        },
      ],
    },
  ];

  it.each(cases)('$file', ({ file, expected }) => {
    expect(eventsOf(file).map(translate)).toEqual(expected);
  });

  it('covers every example file', () => {
    const files = fs
      .readdirSync(examplesDir)
      .filter((name) => /^\d\d-.*\.json$/.test(name));
    expect(cases.map((item) => item.file)).toEqual(files.sort());
  });

  it('keeps events.jsonl in step with the example files', () => {
    const lines = fs
      .readFileSync(path.join(examplesDir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const events = cases.flatMap((item) => eventsOf(item.file));
    expect(lines).toEqual(events);
  });
});

function caseCreate(
  recordId: string,
  customerId: string,
  fields: {
    subject: string;
    priority: string;
    product: string;
    ref: string;
    at: number;
  },
): CdcTranslation {
  return {
    outcome: 'changes',
    changes: [
      {
        objectType: 'Case',
        recordId,
        customerId,
        fields: {
          subject: fields.subject,
          status: 'New',
          priority: fields.priority,
          product: fields.product,
          customerId,
        },
        source,
        sourceRef: fields.ref,
        occurredAt: iso(fields.at),
      },
    ],
    ignoredFields: [
      'CaseNumber',
      'CreatedDate',
      'LastModifiedDate',
      'Origin',
      'OwnerId',
    ],
  };
}

/** A Shipment event in Pub/Sub form, with header fields overridden. */
function shipmentEvent(
  header: Record<string, unknown>,
  body: Record<string, unknown> = {},
) {
  return {
    ChangeEventHeader: {
      entityName: 'Shipment__c',
      recordIds: ['a0B5g00000Hq7TbEAJ'],
      changeType: 'UPDATE',
      commitTimestamp: 1780045200000,
      nulledFields: [],
      diffFields: [],
      changedFields: [],
      ...header,
    },
    ...body,
  };
}

describe('translateCdcEvent edge cases', () => {
  it('records an event whose record ids are a wildcard', () => {
    const event = shipmentEvent({ recordIds: ['a0B*'] });
    expect(translate(event)).toEqual({
      outcome: 'recorded',
      reason: 'wildcard',
    });
  });

  it('reports a field sent as a diff instead of applying it', () => {
    const event = shipmentEvent(
      {
        changedFields: ['Tracking_Number__c'],
        diffFields: ['Tracking_Number__c'],
      },
      { Tracking_Number__c: '@@ -1 +1 @@\n-1Z1\n+1Z2' },
    );
    const result = translate(event);
    expect(result).toMatchObject({
      changes: [{ fields: {} }],
      ignoredFields: ['Tracking_Number__c'],
    });
  });

  it('takes every field of a sparse update without changedFields', () => {
    const event = {
      payload: {
        ChangeEventHeader: {
          entityName: 'Case',
          recordIds: ['5005g00000RtY1aAAF'],
          changeType: 'UPDATE',
        },
        Status: 'Closed',
        Product__c: null,
      },
      event: { replayId: 9 },
    };
    expect(translate(event)).toEqual({
      outcome: 'changes',
      changes: [
        {
          objectType: 'Case',
          recordId: '5005g00000RtY1aAAF',
          fields: { status: 'Closed', product: null },
          source,
          sourceRef: '9',
        },
      ],
      ignoredFields: [],
    });
  });

  it('takes only non-null fields of a full update without changedFields', () => {
    const event = shipmentEvent(
      { nulledFields: ['Carrier__c'] },
      { Status__c: 'Delivered', Tracking_Number__c: null, Carrier__c: null },
    );
    expect(translate(event)).toMatchObject({
      changes: [{ fields: { status: 'Delivered', carrier: null } }],
    });
  });

  it('clears every component of a nulled compound field', () => {
    const event = {
      ChangeEventHeader: {
        entityName: 'ServiceAppointment',
        recordIds: ['08p5g000001XkQzAAK'],
        changeType: 'UPDATE',
        nulledFields: ['Address'],
        changedFields: ['Address'],
      },
      Address: { Street: null, City: null },
    };
    expect(translate(event)).toMatchObject({
      changes: [{ fields: { address: null } }],
      ignoredFields: ['Address.City'],
    });
  });

  it('de-duplicates repeated record ids', () => {
    const event = shipmentEvent({
      changeType: 'DELETE',
      recordIds: ['a0B5g00000Hq7TbEAJ', 'a0B5g00000Hq7TbEAJ'],
    });
    const result = translate(event);
    expect(result.outcome === 'changes' && result.changes).toHaveLength(1);
  });
});

describe('parseCdcEvent refuses malformed events', () => {
  const cases: { name: string; raw: unknown; field: string }[] = [
    { name: 'an array', raw: [], field: 'event' },
    { name: 'no header or payload', raw: { foo: 1 }, field: 'data.payload' },
    {
      name: 'a missing header',
      raw: { data: { payload: { Status: 'New' } } },
      field: 'ChangeEventHeader',
    },
    {
      name: 'an unknown change type',
      raw: shipmentEvent({ changeType: 'UPSERT' }),
      field: 'ChangeEventHeader.changeType',
    },
    {
      name: 'an undecoded changedFields bitmap',
      raw: shipmentEvent({ changedFields: ['0x650004E0', '4-0x10'] }),
      field: 'ChangeEventHeader.changedFields.0',
    },
    {
      name: 'a commit timestamp as text',
      raw: shipmentEvent({ commitTimestamp: '2026-05-28' }),
      field: 'ChangeEventHeader.commitTimestamp',
    },
    {
      name: 'recordIds as a string',
      raw: shipmentEvent({ recordIds: 'a0B5g00000Hq7TbEAJ' }),
      field: 'ChangeEventHeader.recordIds',
    },
  ];

  it.each(cases)('$name', ({ raw, field }) => {
    expect(() => parseCdcEvent(raw)).toThrowError(
      expect.objectContaining({
        code: 'HERALD_CONNECTOR_MALFORMED_EVENT',
        details: { field },
      }),
    );
  });

  it.each([
    ['no record ids', []],
    ['a record id with spaces', ['a0B 5g']],
  ])('translation refuses %s', (_name, recordIds) => {
    const event = shipmentEvent({ changeType: 'DELETE', recordIds });
    expect(() => translate(event)).toThrowError(HeraldError);
  });
});
