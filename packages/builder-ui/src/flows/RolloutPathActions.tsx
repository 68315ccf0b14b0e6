import type { Step } from '@herald/engine';
import type { FlowEditor } from './use-flow-editor';

/** Props of {@link RolloutPathActions}. */
export interface RolloutPathActionsProps {
  /** The selected Step. */
  step: Step;
  edges: FlowEditor['edges'];
  /** A Step's name as the canvas shows it. */
  stepName: (stepId: string) => string;
  onAddRollout: (edgeId: string) => void;
  onRemoveRollout: (stepId: string) => void;
}

/**
 * The path edits open to a business user on the selected Step: a Rollout
 * added on each of its outputs, or, on a Rollout, its removal.
 */
export function RolloutPathActions({
  step,
  edges,
  stepName,
  onAddRollout,
  onRemoveRollout,
}: RolloutPathActionsProps) {
  if (step.type === 'rollout') {
    return (
      <div className="panel__section" data-testid="rollout-path-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => onRemoveRollout(step.id)}
          data-testid="remove-rollout"
        >
          Remove this rollout
        </button>
      </div>
    );
  }

  const outputs = edges.filter((edge) => edge.source === step.id);
  if (outputs.length === 0) {
    return null;
  }

  return (
    <div className="panel__section" data-testid="rollout-path-actions">
      {outputs.map((edge) => (
        <button
          key={edge.id}
          type="button"
          className="button button--small"
          onClick={() => onAddRollout(edge.id)}
          data-testid="add-rollout"
          data-target={edge.target}
        >
          + Rollout before {stepName(edge.target)}
        </button>
      ))}
    </div>
  );
}
