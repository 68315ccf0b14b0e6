import type {
  ChangeKind,
  RolloutStep,
  Step,
  TriggerStep,
  WaitStep,
} from '@herald/engine';
import { describeChannelPolicy } from './channel-names';
import { describeCondition } from './describe-condition';
import { fieldLabel } from './field-lookup';
import { formatMinutes } from './format-minutes';
import type { StepContext } from './step-context';

/** A Step told in plain words for the canvas. */
export interface StepDescription {
  /** One line: "When Shipment is updated", "Send on preferred channel". */
  title: string;
  /** Further facts worth seeing without opening the inspector. */
  details: string[];
}

const changeKindWords: Record<ChangeKind, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
};

/** Describes any Step in the words the canvas shows. */
export function describeStep(
  step: Step,
  context: StepContext,
): StepDescription {
  switch (step.type) {
    case 'trigger':
      return describeTrigger(step, context);
    case 'condition':
      return {
        title: describeCondition(step.data.test, context.objectType),
        details: [],
      };
    case 'rollout':
      return describeRollout(step);
    case 'wait':
      return describeWait(step, context);
    case 'template':
      return describeTemplate(step.data.templateId, step.data.urgent, context);
    case 'channel':
      return { title: describeChannelPolicy(step.data), details: [] };
  }
}

function describeTrigger(
  step: TriggerStep,
  context: StepContext,
): StepDescription {
  const objectName = context.objectType?.label ?? step.data.objectType;
  const kinds = step.data.changeKinds.map((kind) => changeKindWords[kind]);
  const details: string[] = [];

  const changedFields = step.data.changedFields ?? [];
  if (changedFields.length > 0) {
    const labels = changedFields.map((name) =>
      fieldLabel(
        context.objectType?.fields.find((field) => field.name === name),
        name,
      ),
    );
    details.push(`Only when ${labels.join(' or ')} changed`);
  }

  details.push(
    step.data.semantics === 'transition'
      ? 'Sends once, when a change makes the conditions become true'
      : 'Sends on every change while the conditions hold',
  );

  return {
    title: `When ${objectName} is ${kinds.join(' or ')}`,
    details,
  };
}

function describeRollout(step: RolloutStep): StepDescription {
  const { tiers = [], regions = [], allowList = [], percentage } = step.data;
  const audience: string[] = [];

  if (tiers.length > 0) {
    audience.push(tiers.join(', '));
  }

  if (regions.length > 0) {
    audience.push(`in ${regions.join(', ')}`);
  }

  if (allowList.length > 0) {
    const noun = allowList.length === 1 ? 'customer' : 'customers';
    audience.push(`${allowList.length} listed ${noun}`);
  }

  const details: string[] = [];
  if (percentage !== undefined && percentage < 100) {
    details.push(`${percentage}% of matching customers`);
  }

  if (audience.length === 0) {
    const title =
      details.length > 0 ? `Only ${details[0]}` : 'Everyone (no limits set)';
    return { title, details: [] };
  }

  return { title: `Only ${audience.join(' ')}`, details };
}

function describeWait(step: WaitStep, context: StepContext): StepDescription {
  if (step.data.mode === 'delay') {
    return { title: `Wait ${formatMinutes(step.data.minutes)}`, details: [] };
  }

  const { field, offsetMinutes, whenPassed } = step.data;
  const label = fieldLabel(
    context.objectType?.fields.find((candidate) => candidate.name === field),
    field,
  );
  const side = offsetMinutes < 0 ? 'before' : 'after';
  const when =
    offsetMinutes === 0
      ? label
      : `${formatMinutes(offsetMinutes)} ${side} ${label}`;
  const passed =
    whenPassed === 'send'
      ? 'If that moment has passed, send at once'
      : 'If that moment has passed, skip';

  return { title: `Wait until ${when}`, details: [passed] };
}

function describeTemplate(
  templateId: string,
  urgent: boolean | undefined,
  context: StepContext,
): StepDescription {
  const template = context.templates.find(
    (candidate) => candidate.id === templateId,
  );
  const details: string[] = [];

  if (template) {
    details.push(template.body);
  }

  if (urgent) {
    details.push('Urgent: may send during quiet hours');
  }

  const name = template ? template.name : `${templateId} (not in library)`;
  return { title: `Template: ${name}`, details };
}
