/**
 * The Flow graph an admin draws, as stored in `flows.draft` and
 * `flow_versions.graph`. This schema is the contract between the builder,
 * the server and the compiler; bump `FLOW_SCHEMA_VERSION` on any change that
 * old graphs cannot be read under.
 */
import { z } from 'zod';

/** Current version of the stored flow graph format. */
export const FLOW_SCHEMA_VERSION = 1;

/** Kinds of Change a Trigger can listen to. */
export const changeKinds = ['create', 'update', 'delete'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** Delivery routes known to Herald. */
export const channelNames = [
  'sms',
  'whatsapp',
  'messenger',
  'webhook',
  'sandbox',
] as const;
export type ChannelName = (typeof channelNames)[number];

/** Facts a Condition leaf can read. */
export const factNames = [
  'record',
  'prior',
  'change',
  'customer',
  'now',
] as const;
export type FactName = (typeof factNames)[number];

const positionSchema = z.object({ x: z.number(), y: z.number() }).strict();

/** A fact reference: which fact, and the dotted path inside it. */
export const factRefSchema = z
  .object({
    fact: z.enum(factNames),
    path: z.string().max(200),
  })
  .strict();
export type FactRef = z.infer<typeof factRefSchema>;

/**
 * One comparison. `value` is a literal; `valueFact` compares with another
 * fact instead. Operators are listed by `operatorNames` in operators.ts.
 */
export const conditionLeafSchema = z
  .object({
    fact: z.enum(factNames),
    path: z.string().max(200),
    operator: z.string().min(1).max(40),
    value: z.unknown().optional(),
    valueFact: factRefSchema.optional(),
    /** Text operators compare without case when true. Default false. */
    ignoreCase: z.boolean().optional(),
  })
  .strict();
export type ConditionLeaf = z.infer<typeof conditionLeafSchema>;

export type ConditionNode =
  | ConditionLeaf
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode };

/** A nested all / any / not group of leaves. */
export const conditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionNodeSchema).max(100) }).strict(),
    z.object({ any: z.array(conditionNodeSchema).max(100) }).strict(),
    z.object({ not: conditionNodeSchema }).strict(),
    conditionLeafSchema,
  ]),
);

const stepBase = {
  id: z.string().min(1).max(64),
  label: z.string().max(200).optional(),
  position: positionSchema.optional(),
};

export const triggerStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('trigger'),
    data: z
      .object({
        objectType: z.string().min(1).max(64),
        changeKinds: z.array(z.enum(changeKinds)).min(1),
        /** Fire only when at least one of these fields changed. */
        changedFields: z.array(z.string().max(64)).max(100).optional(),
        /**
         * `state`: fire on every change while the path's conditions hold.
         * `transition`: fire only when this change makes them become true.
         * Default `state`.
         */
        semantics: z.enum(['state', 'transition']).optional(),
      })
      .strict(),
  })
  .strict();

export const conditionStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('condition'),
    data: z.object({ test: conditionNodeSchema }).strict(),
  })
  .strict();

export const rolloutStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('rollout'),
    data: z
      .object({
        tiers: z.array(z.string().max(64)).max(50).optional(),
        regions: z.array(z.string().max(64)).max(200).optional(),
        allowList: z.array(z.string().max(128)).max(10000).optional(),
        /** Stable share of customers admitted, 0 to 100. Default 100. */
        percentage: z.number().min(0).max(100).optional(),
      })
      .strict(),
  })
  .strict();

export const waitStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('wait'),
    data: z.union([
      z
        .object({
          mode: z.literal('delay'),
          minutes: z.number().int().min(1).max(525600),
        })
        .strict(),
      z
        .object({
          mode: z.literal('relative'),
          field: z.string().min(1).max(64),
          /** Negative is before the date, positive after. */
          offsetMinutes: z.number().int().min(-525600).max(525600),
          whenPassed: z.enum(['send', 'skip']),
        })
        .strict(),
    ]),
  })
  .strict();

export const templateStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('template'),
    data: z
      .object({
        templateId: z.string().min(1).max(128),
        /** Urgent messages may ignore quiet hours, never consent. */
        urgent: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export const channelPolicySchema = z.union([
  z.object({ policy: z.literal('preferred') }).strict(),
  z
    .object({ policy: z.literal('fixed'), channel: z.enum(channelNames) })
    .strict(),
  z
    .object({
      policy: z.literal('fallback'),
      channels: z.array(z.enum(channelNames)).min(1).max(5),
    })
    .strict(),
]);
export type ChannelPolicy = z.infer<typeof channelPolicySchema>;

export const channelStepSchema = z
  .object({
    ...stepBase,
    type: z.literal('channel'),
    data: channelPolicySchema,
  })
  .strict();

export const stepSchema = z.discriminatedUnion('type', [
  triggerStepSchema,
  conditionStepSchema,
  rolloutStepSchema,
  waitStepSchema,
  templateStepSchema,
  channelStepSchema,
]);
export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export type TriggerStep = z.infer<typeof triggerStepSchema>;
export type ConditionStep = z.infer<typeof conditionStepSchema>;
export type RolloutStep = z.infer<typeof rolloutStepSchema>;
export type WaitStep = z.infer<typeof waitStepSchema>;
export type TemplateStep = z.infer<typeof templateStepSchema>;
export type ChannelStep = z.infer<typeof channelStepSchema>;

/**
 * A connection between two Steps. A Condition has two outputs, `true` and
 * `false`; every other Step has one, `next` (the default when omitted).
 */
export const edgeSchema = z
  .object({
    id: z.string().min(1).max(140),
    source: z.string().min(1).max(64),
    target: z.string().min(1).max(64),
    sourceHandle: z.enum(['next', 'true', 'false']).optional(),
  })
  .strict();
export type Edge = z.infer<typeof edgeSchema>;

export const flowGraphSchema = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    steps: z.array(stepSchema).max(2000),
    edges: z.array(edgeSchema).max(4000),
  })
  .strict();
export type FlowGraph = z.infer<typeof flowGraphSchema>;
