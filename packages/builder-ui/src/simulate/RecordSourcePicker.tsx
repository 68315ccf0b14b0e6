import { useState } from 'react';
import type { ChangeKind, ObjectTypeDef } from '@herald/engine';
import type { RunView } from '../api/activity-types';
import { formatTime } from '../app/format-time';
import { RecentDeliveryList } from './RecentDeliveryList';
import type { RecentChange } from './recent-changes';

/** Props of {@link RecordSourcePicker}. */
export interface RecordSourcePickerProps {
  objectType: ObjectTypeDef;
  /** Recent Runs of the object type, newest first. */
  runs: RunView[];
  /** Changes the Flow recently sent for, newest first. */
  deliveries: RecentChange[];
  /** Loads a Record by id as a Change of `kind` (default: keep the kind). */
  onLoadRecord: (recordId: string, kind?: ChangeKind) => void;
  /** Loads a recorded Change, with its prior and current values. */
  onLoadChange: (changeId: string) => void;
}

/**
 * Where a simulated Change comes from: a Record by id (its current
 * values), a Change this Flow recently sent for, or a recent Run's Change.
 */
export function RecordSourcePicker({
  objectType,
  runs,
  deliveries,
  onLoadRecord,
  onLoadChange,
}: RecordSourcePickerProps) {
  const [recordId, setRecordId] = useState('');

  function chooseRun(runId: string) {
    const run = runs.find((item) => item.id === runId);
    if (!run) {
      return;
    }

    setRecordId(run.recordId);
    onLoadChange(run.changeId);
  }

  return (
    <>
      <form
        className="simulate__load"
        onSubmit={(event) => {
          event.preventDefault();
          onLoadRecord(recordId);
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
      <RecentDeliveryList
        changes={deliveries}
        onChoose={(change) => {
          setRecordId(change.recordId);
          onLoadChange(change.changeId);
        }}
      />
      {runs.length > 0 && (
        <label className="field">
          <span className="field__label">…or the change of a recent run</span>
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
