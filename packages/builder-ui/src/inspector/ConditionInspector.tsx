import type { ConditionLeaf, ConditionStep, Step } from '@herald/engine';
import { listLeaves, replaceLeaf } from '../steps/condition-tree';
import type { StepContext } from '../steps/step-context';
import { ConditionLeafEditor } from './ConditionLeafEditor';

/** Props of {@link ConditionInspector}. */
export interface ConditionInspectorProps {
  step: ConditionStep;
  context: StepContext;
  onChange: (step: Step) => void;
}

/**
 * Edits each comparison of a Condition: its operator and value. How the
 * comparisons are grouped (all / any / not) is shown, not edited.
 */
export function ConditionInspector({
  step,
  context,
  onChange,
}: ConditionInspectorProps) {
  const { test } = step.data;
  const leaves = listLeaves(test);

  function handleLeafChange(address: number[], leaf: ConditionLeaf) {
    onChange({
      ...step,
      data: { ...step.data, test: replaceLeaf(test, address, leaf) },
    });
  }

  return (
    <div className="inspector__fields">
      {leaves.length > 1 && <p className="muted">{groupingHint(test)}</p>}
      {leaves.map(({ address, leaf }) => (
        <ConditionLeafEditor
          key={address.join('.')}
          leaf={leaf}
          objectType={context.objectType}
          onChange={(changed) => handleLeafChange(address, changed)}
        />
      ))}
      <p className="muted">
        Steps joined to the <strong>true</strong> handle run when the test
        holds; steps joined to <strong>false</strong> run when it does not.
      </p>
    </div>
  );
}

function groupingHint(test: ConditionStep['data']['test']): string {
  if ('all' in test) {
    return 'All of these must hold:';
  }

  if ('any' in test) {
    return 'At least one of these must hold:';
  }

  return 'This test is negated and grouped; its parts:';
}
