/**
 * A problem found in a Flow graph, and the registry of every problem code
 * with a plain-language description for the docs and the builder.
 */

/** One problem found while validating or compiling a Flow. */
export interface FlowProblem {
  /** The Step the problem belongs to; null when it concerns the whole Flow. */
  stepId: string | null;
  /** The Edge the problem belongs to, when it is about a connection. */
  edgeId?: string;
  /** A stable code from `flowProblemCodes`. */
  code: FlowProblemCode;
  message: string;
  /** The field or data path inside the Step, when one is to blame. */
  field?: string;
}

/** Every code a FlowProblem may carry, with what it means. */
export const flowProblemCodes = {
  HERALD_FLOW_SCHEMA: 'The graph does not match the stored flow format.',
  HERALD_FLOW_DUPLICATE_ID: 'Two Steps or two Edges share an id.',
  HERALD_FLOW_NO_TRIGGER: 'The Flow has no Trigger step.',
  HERALD_FLOW_MULTIPLE_TRIGGERS: 'The Flow has more than one Trigger step.',
  HERALD_FLOW_UNREACHABLE_STEP: 'No path from the Trigger reaches this Step.',
  HERALD_FLOW_CYCLE: 'Following the edges from this Step leads back to it.',
  HERALD_FLOW_DANGLING_OUTPUT:
    'This Step has no outgoing edge; only Channel steps may end a path.',
  HERALD_FLOW_BAD_EDGE:
    'The edge joins unknown Steps, enters the Trigger, leaves a Channel, ' +
    'repeats another edge, or uses an output the Step does not have.',
  HERALD_FLOW_TOO_MANY_PATHS:
    'The Flow has more paths from Trigger to Channel than one Flow may have.',
  HERALD_FLOW_UNKNOWN_OBJECT_TYPE: 'The Trigger names an unknown object type.',
  HERALD_FLOW_UNKNOWN_FIELD:
    'A Condition, Trigger or Wait names a field the object type or the ' +
    'Customer does not have.',
  HERALD_FLOW_OPERATOR_MISMATCH:
    'The operator does not apply to the field type or to this fact.',
  HERALD_FLOW_BAD_VALUE:
    'The value does not fit the field type or operator, or is not one of ' +
    'the allowed values.',
  HERALD_FLOW_CHANNEL_WITHOUT_TEMPLATE:
    'A path reaches this Channel step without passing a Template step.',
  HERALD_FLOW_UNKNOWN_TEMPLATE: 'The Template step names an unknown Template.',
  HERALD_TEMPLATE_UNKNOWN_FIELD:
    'The Template reads a merge field the object type or Customer lacks.',
  HERALD_TEMPLATE_SYNTAX: 'The Template body is not valid Liquid.',
  HERALD_FLOW_WAIT_FIELD_NOT_DATE:
    'A Wait counts from a field that is not a date or datetime.',
} as const;

/** A stable FlowProblem code. */
export type FlowProblemCode = keyof typeof flowProblemCodes;

/** Builds a FlowProblem, leaving out the optional parts not given. */
export function flowProblem(
  code: FlowProblemCode,
  stepId: string | null,
  message: string,
  extra: { edgeId?: string; field?: string } = {},
): FlowProblem {
  const problem: FlowProblem = { stepId, code, message };
  if (extra.edgeId !== undefined) problem.edgeId = extra.edgeId;
  if (extra.field !== undefined) problem.field = extra.field;

  return problem;
}
