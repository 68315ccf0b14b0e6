import { useState } from 'react';
import type { ChangeKind, ObjectTypeDef } from '@herald/engine';
import type { RunView } from '../api/activity-types';
import { formatTime } from '../app/format-time';

/** Props of {@link RecordSourcePicker}. */
export interface RecordSourcePickerProps {
  objectType: ObjectTypeDef;
  /** Recent Runs of the object type, newest first. */
  runs: RunView[];
  /** Loads a Record by id as a Change of `kind` (default: keep the kind). */
  onLoad: (recordId: string, kind?: ChangeKind) => void;
}

/** Where a simulated Change comes from: a Record by id, or a recent Run. */
export function RecordSourcePicker({
  objectType,
  runs,
  onLoad,
}: RecordSourcePickerProps) {
  const [recordId, setRecordId] = useState('');

  function chooseRun(runId: string) {
    const run = runs.find((item) => item.id === runId);
    if (!run) {
      return;
    }

    setRecordId(run.recordId);
    onLoad(run.recordId, kindOf(run.kind));
  }

  return (
    <>
      <form
        className="simulate__load"
        onSubmit={(event) => {
          event.preventDefault();
          onLoad(recordId);
        }}
      >
        <label className="field">
          <span className="field__label">
            Load a {objectType.label ?? objectType.name} by id
          </span>
          <span className="simulate__inline">
            <input
              type="text"
              value={recordId}
              placeholder="e.g. SHP-1002"
              onChange={(event) => setRecordId(event.target.value)}
              data-testid="simulate-record-id"
            />
            <button
              type="submit"
              className="button button--small"
              data-testid="simulate-load"
            >
              Load
            </button>
          </span>
        </label>
      </form>
      {runs.length > 0 && (
        <label className="field">
          <span className="field__label">…or a recent run</span>
          <select
            value=""
            onChange={(event) => chooseRun(event.target.value)}
            data-testid="simulate-recent-run"
          >
            <option value="">Choose a run…</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {run.recordId} · {run.kind} {run.changedFields.join(', ')} ·{' '}
                {formatTime(run.startedAt)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

function kindOf(kind: string): ChangeKind {
  return kind === 'create' || kind === 'delete' ? kind : 'update';
}
