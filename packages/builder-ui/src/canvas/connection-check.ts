import type { Edge, Step } from '@herald/engine';

/** A connection the user is making: from a Step's output to a Step. */
export interface ProposedConnection {
  source: string;
  target: string;
  sourceHandle: 'next' | 'true' | 'false';
}

/**
 * Why a connection cannot be made, in plain words, or null when it can:
 * nothing enters the Trigger, a Channel ends its path, the same output
 * does not join the same Step twice, and no connection closes a loop.
 */
export function refuseConnection(
  connection: ProposedConnection,
  steps: readonly Step[],
  edges: readonly Edge[],
): string | null {
  const source = steps.find((step) => step.id === connection.source);
  const target = steps.find((step) => step.id === connection.target);
  if (!source || !target) {
    return 'Both ends of a connection must be steps on this canvas.';
  }

  if (target.type === 'trigger') {
    return 'Nothing can lead into the Trigger: it is where the Flow starts.';
  }

  if (source.type === 'channel') {
    return 'A Channel step ends its path; it has no output.';
  }

  if (source.id === target.id) {
    return 'A step cannot lead to itself: that would be a loop.';
  }

  const repeated = edges.some(
    (edge) =>
      edge.source === connection.source &&
      edge.target === connection.target &&
      (edge.sourceHandle ?? 'next') === connection.sourceHandle,
  );
  if (repeated) {
    return 'These steps are already connected through that output.';
  }

  if (reaches(target.id, source.id, edges)) {
    return 'That connection would make a loop: the second step already leads back to the first.';
  }

  return null;
}

// Whether following edges from `from` arrives at `to`.
function reaches(from: string, to: string, edges: readonly Edge[]): boolean {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (current === to) {
      return true;
    }

    if (seen.has(current)) {
      continue;
    }

    seen.add(current);
    for (const edge of edges) {
      if (edge.source === current) {
        pending.push(edge.target);
      }
    }
  }

  return false;
}
