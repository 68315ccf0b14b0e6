/**
 * A Trigger's state and transition semantics in plain words, naming the
 * object type and the kinds of change: "every time the shipment is
 * updated while the conditions hold" or "once, when a change makes them
 * become true".
 */
import type { ChangeKind, ObjectTypeDef } from '@herald/engine';

const kindVerbs: Record<ChangeKind, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
};

/** The choice of semantics, as the Trigger inspector offers it. */
export function semanticsChoices(
  objectType: ObjectTypeDef | undefined,
  kinds: ChangeKind[],
): { state: string; transition: string } {
  const noun = (
    objectType?.label ??
    objectType?.name ??
    'record'
  ).toLowerCase();
  const verbs = kinds.map((kind) => kindVerbs[kind]).join(' or ');

  return {
    state: `every time the ${noun} is ${verbs} while the conditions hold`,
    transition: 'once, when a change makes the conditions become true',
  };
}
