import type { StepType } from '@herald/engine';

// Each path is drawn on a 24 x 24 grid with a 2px stroke.
const iconPaths: Record<StepType, string> = {
  trigger: 'M13 2 4 14h7l-1 8 9-12h-7z',
  condition: 'M12 2 22 12 12 22 2 12z',
  rollout: 'M12 3a9 9 0 1 0 9 9h-9z M15 3.5A9 9 0 0 1 20.5 9H15z',
  wait: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 7v5l3 2',
  template: 'M6 2h9l5 5v15H6z M14 2v6h6 M9 13h8 M9 17h6',
  channel: 'M3 11 21 3l-8 18-2-8z M11 13l10-10',
};

/** A small line icon for a Step type. */
export function StepIcon({ type }: { type: StepType }) {
  return (
    <svg
      className="step-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      strokeLinecap="round"
      aria-hidden="true"
    >
      <path d={iconPaths[type]} />
    </svg>
  );
}
