import type { StepType } from '@herald/engine';
import { StepIcon } from './nodes/StepIcon';
import { paletteStepTypes, stepTypeNames } from './new-step';

/** The drag data type a palette item carries. */
export const PALETTE_DRAG_TYPE = 'application/x-herald-step';

/** Props of {@link StepPalette}. */
export interface StepPaletteProps {
  /** Adds a Step of `type` in the middle of the view. */
  onAdd: (type: StepType) => void;
  /** Whether the Flow already has its Trigger; a second is not offered. */
  hasTrigger: boolean;
}

/**
 * The Step types an admin can add: drag one onto the canvas, or click it
 * (or press Enter on it) to add it in the middle of the view.
 */
export function StepPalette({ onAdd, hasTrigger }: StepPaletteProps) {
  return (
    <nav className="palette" aria-label="Step palette" data-testid="palette">
      <h2 className="palette__heading">Add a step</h2>
      {paletteStepTypes.map((type) => {
        const refused = type === 'trigger' && hasTrigger;
        return (
          <button
            key={type}
            type="button"
            className={`palette__item palette__item--${type}`}
            draggable={!refused}
            disabled={refused}
            title={
              refused
                ? 'A Flow has exactly one Trigger.'
                : `Drag onto the canvas, or click to add a ${stepTypeNames[type]}`
            }
            data-testid={`palette-${type}`}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
              event.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => onAdd(type)}
          >
            <StepIcon type={type} /> {stepTypeNames[type]}
          </button>
        );
      })}
    </nav>
  );
}
