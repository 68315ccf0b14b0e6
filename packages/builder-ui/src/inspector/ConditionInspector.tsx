import type { ConditionNode, ConditionStep, Step } from '@herald/engine';
import type { StepContext } from '../steps/step-context';
import { ConditionGroupEditor } from './ConditionGroupEditor';

/** Props of {@link ConditionInspector}. */
export interface ConditionInspectorProps {
  step: ConditionStep;
  context: StepContext;
  onChange: (step: Step) => void;
}

/**
 * Edits a Condition's test: comparisons nested in all / any groups, any
 * of them negated with not; comparisons and groups are added and removed
 * in place.
 */
export function ConditionInspector({
  step,
  context,
  onChange,
}: ConditionInspectorProps) {
  function handleTestChange(test: ConditionNode) {
    onChange({ ...step, data: { ...step.data, test } });
  }

  return (
    <div className="inspector__fields">
      <ConditionGroupEditor
        root={step.data.test}
        address={[]}
        objectType={context.objectType}
        onChange={handleTestChange}
      />
      <p className="muted">
        Steps joined to the <strong>true</strong> handle run when the test
        holds; steps joined to <strong>false</strong> run when it does not.
      </p>
    </div>
  );
}
