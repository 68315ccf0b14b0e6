/**
 * Checks of each Step against the Catalog: the Trigger's object type and
 * fields, Condition leaves, Rollout tiers, Wait fields, and Templates with
 * their merge fields.
 */
import { customerFields, type Catalog, type ObjectTypeDef } from './catalog.js';
import { checkConditionNode } from './condition-leaf-check.js';
import type { FlowGraph, Step } from './flow-model.js';
import { flowProblem, type FlowProblem } from './flow-problem.js';
import { checkTemplate } from './template-renderer.js';

/** Every Catalog problem of the Steps of a schema-valid graph. */
export function checkFlowAgainstCatalog(
  graph: FlowGraph,
  catalog: Catalog,
): FlowProblem[] {
  const trigger = graph.steps.find((step) => step.type === 'trigger');
  const objectType =
    trigger?.type === 'trigger'
      ? catalog.objectTypes.find((t) => t.name === trigger.data.objectType)
      : undefined;

  return graph.steps.flatMap((step) => checkStep(step, objectType, catalog));
}

function checkStep(
  step: Step,
  objectType: ObjectTypeDef | undefined,
  catalog: Catalog,
): FlowProblem[] {
  switch (step.type) {
    case 'trigger':
      return checkTrigger(step, objectType);
    case 'condition':
      return checkConditionNode(step.data.test, step.id, objectType);
    case 'rollout':
      return checkRollout(step);
    case 'wait':
      return checkWait(step, objectType);
    case 'template':
      return checkTemplateStep(step, objectType, catalog);
    default:
      return [];
  }
}

function checkTrigger(
  step: Extract<Step, { type: 'trigger' }>,
  objectType: ObjectTypeDef | undefined,
): FlowProblem[] {
  if (!objectType) {
    const message = `unknown object type "${step.data.objectType}"`;
    return [
      flowProblem('HERALD_FLOW_UNKNOWN_OBJECT_TYPE', step.id, message, {
        field: 'objectType',
      }),
    ];
  }

  return (step.data.changedFields ?? [])
    .filter((name) => !objectType.fields.some((field) => field.name === name))
    .map((name) =>
      flowProblem(
        'HERALD_FLOW_UNKNOWN_FIELD',
        step.id,
        `${objectType.name} has no field "${name}"`,
        { field: 'changedFields' },
      ),
    );
}

function checkRollout(step: Extract<Step, { type: 'rollout' }>): FlowProblem[] {
  const tiers = customerFields.find((field) => field.name === 'tier')?.values;
  return (step.data.tiers ?? [])
    .filter((tier) => tiers && !tiers.includes(tier))
    .map((tier) =>
      flowProblem(
        'HERALD_FLOW_BAD_VALUE',
        step.id,
        `"${tier}" is not a tier; tiers are ${tiers?.join(', ')}`,
        { field: 'tiers' },
      ),
    );
}

function checkWait(
  step: Extract<Step, { type: 'wait' }>,
  objectType: ObjectTypeDef | undefined,
): FlowProblem[] {
  if (step.data.mode !== 'relative' || !objectType) return [];

  const name = step.data.field;
  const field = objectType.fields.find((candidate) => candidate.name === name);
  const extra = { field: 'field' };
  if (!field) {
    const message = `${objectType.name} has no field "${name}"`;
    return [flowProblem('HERALD_FLOW_UNKNOWN_FIELD', step.id, message, extra)];
  }

  if (field.type === 'date' || field.type === 'datetime') return [];

  const message = `"${name}" is a ${field.type} field, not a date`;
  return [
    flowProblem('HERALD_FLOW_WAIT_FIELD_NOT_DATE', step.id, message, extra),
  ];
}

function checkTemplateStep(
  step: Extract<Step, { type: 'template' }>,
  objectType: ObjectTypeDef | undefined,
  catalog: Catalog,
): FlowProblem[] {
  const template = catalog.templates.find((t) => t.id === step.data.templateId);
  if (!template) {
    const message = `unknown template "${step.data.templateId}"`;
    return [
      flowProblem('HERALD_FLOW_UNKNOWN_TEMPLATE', step.id, message, {
        field: 'templateId',
      }),
    ];
  }

  const roots = { record: objectType?.fields ?? [], customer: customerFields };
  const bodies: [string, string][] = [
    ['', template.body],
    ...Object.entries(template.variants ?? {}).map(
      ([locale, body]): [string, string] => [` (${locale})`, body],
    ),
  ];
  return bodies.flatMap(([label, body]) =>
    checkTemplate(body, roots)
      .filter(
        (problem) =>
          objectType || problem.code !== 'HERALD_TEMPLATE_UNKNOWN_FIELD',
      )
      .map((problem) =>
        flowProblem(
          problem.code,
          step.id,
          `${template.name}${label}: ${problem.message}`,
          { field: problem.field },
        ),
      ),
  );
}
