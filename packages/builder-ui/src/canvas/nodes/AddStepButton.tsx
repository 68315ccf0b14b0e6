import { useState } from 'react';
import type { StepType } from '@herald/engine';
import { useCanvasContext, type CanvasOutput } from '../canvas-context';
import { stepTypeNames } from '../new-step';

/** Props of {@link AddStepButton}. */
export interface AddStepButtonProps {
  output: CanvasOutput;
  /** Where the button sits along the bottom edge, e.g. `'25%'`. */
  left?: string;
}

const addableTypes: StepType[] = [
  'condition',
  'rollout',
  'wait',
  'template',
  'channel',
];

/**
 * A "+" under a Step's output: opens a menu of Step types and adds the
 * chosen one below, already joined. Renders nothing on a read-only canvas.
 */
export function AddStepButton({ output, left = '50%' }: AddStepButtonProps) {
  const { onAddAfter } = useCanvasContext();
  const [open, setOpen] = useState(false);
  if (!onAddAfter) {
    return null;
  }

  const branch =
    output.sourceHandle === 'next' ? '' : ` (${output.sourceHandle})`;

  function choose(type: StepType) {
    setOpen(false);
    onAddAfter?.(output, type);
  }

  return (
    <div
      className="add-step nodrag nopan"
      style={{ left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setOpen(false);
        }

        event.stopPropagation();
      }}
    >
      <button
        type="button"
        className="add-step__button"
        aria-label={`Add a step after this one${branch}`}
        aria-expanded={open}
        title={`Add a step${branch}`}
        data-testid={`add-after-${output.sourceHandle}`}
        onClick={() => setOpen((current) => !current)}
      >
        +
      </button>
      {open && (
        <div className="add-step__menu" role="menu">
          {addableTypes.map((type) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              className="add-step__item"
              data-testid={`add-step-${type}`}
              onClick={() => choose(type)}
            >
              {stepTypeNames[type]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
