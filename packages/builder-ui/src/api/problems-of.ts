import type { FlowProblem } from './api-types';
import { ApiError } from './api-error';

/** Error code the API answers when a Flow graph fails validation. */
export const FLOW_INVALID_CODE = 'HERALD_FLOW_INVALID';

/**
 * The validation problems carried by an `HERALD_FLOW_INVALID` error, or an
 * empty list when the error is of another kind.
 */
export function problemsOf(error: unknown): FlowProblem[] {
  if (!(error instanceof ApiError) || error.code !== FLOW_INVALID_CODE) {
    return [];
  }

  const details = error.details as { problems?: unknown } | null | undefined;
  if (!details || !Array.isArray(details.problems)) {
    return [];
  }

  return details.problems.filter(isProblem);
}

function isProblem(value: unknown): value is FlowProblem {
  const problem = value as Partial<FlowProblem> | null;
  return (
    typeof problem === 'object' &&
    problem !== null &&
    typeof problem.message === 'string' &&
    typeof problem.code === 'string'
  );
}
