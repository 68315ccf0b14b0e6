import type { ObjectTypeDef, Step, StepType } from '@herald/engine';
import type { StepContext } from '../steps/step-context';
import { operatorChoices } from '../steps/operator-info';

/** Step types in the order the palette offers them. */
export const paletteStepTypes: readonly StepType[] = [
  'trigger',
  'condition',
  'rollout',
  'wait',
  'template',
  'channel',
];

/** How each Step type is named in the palette and on nodes. */
export const stepTypeNames: Record<StepType, string> = {
  trigger: 'Trigger',
  condition: 'Condition',
  rollout: 'Rollout',
  wait: 'Wait',
  template: 'Template',
  channel: 'Channel',
};

/** A Step id not yet used in `taken`, such as `condition-2`. */
export function freshStepId(type: StepType, taken: ReadonlySet<string>) {
  let index = 1;
  while (taken.has(`${type}-${index}`)) {
    index += 1;
  }

  return `${type}-${index}`;
}

/**
 * A new Step of `type` with data an admin can start from: the Trigger on
 * the catalog's first object type, a Condition on the object type's first
 * field, the first library Template, the customer's preferred channel.
 */
export function newStep(
  type: StepType,
  id: string,
  context: StepContext,
  objectTypes: ObjectTypeDef[],
): Step {
  switch (type) {
    case 'trigger':
      return {
        id,
        type,
        data: {
          objectType:
            context.objectType?.name ?? objectTypes[0]?.name ?? 'Record',
          changeKinds: ['create', 'update'],
        },
      };
    case 'condition':
      return { id, type, data: { test: firstFieldTest(context) } };
    case 'rollout':
      return { id, type, data: { percentage: 100 } };
    case 'wait':
      return { id, type, data: { mode: 'delay', minutes: 60 } };
    case 'template':
      return {
        id,
        type,
        data: { templateId: context.templates[0]?.id ?? 'template' },
      };
    case 'channel':
      return { id, type, data: { policy: 'preferred' } };
  }
}

function firstFieldTest(context: StepContext) {
  const field = context.objectType?.fields[0];
  const path = field?.name ?? 'id';
  const operator = operatorChoices(field, 'record', '')[0]?.name ?? 'equals';

  return { fact: 'record' as const, path, operator };
}
