import type { AutosaveState } from './use-draft-autosave';

const words: Record<AutosaveState, string> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Saving failed; will retry on the next change',
};

/** Says whether the draft's automatic save has caught up. */
export function AutosaveStatus({ state }: { state: AutosaveState }) {
  if (state === 'idle') {
    return null;
  }

  return (
    <span
      className={`autosave autosave--${state}`}
      role="status"
      data-testid="autosave-status"
      data-state={state}
    >
      {words[state]}
    </span>
  );
}
