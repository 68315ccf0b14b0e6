import { useEffect, useRef, useState } from 'react';
import type { FlowGraph } from '@herald/engine';
import { useApi } from '../api/api-context';
import type { FlowProblem } from '../api/api-types';
import { ErrorNotice } from '../app/ErrorNotice';
import { describeStep } from '../steps/describe-step';
import type { StepContext } from '../steps/step-context';
import { diffFlows, isEmptyDiff, type FlowDiff } from './flow-diff';
import './publish-dialog.css';

/** Props of {@link PublishDialog}. */
export interface PublishDialogProps {
  flowId: string;
  /** The version live now; null when the Flow was never published. */
  activeVersion: number | null;
  /** The graph that would be published. */
  graph: FlowGraph;
  /** Problems that keep the graph from publishing; none lets it through. */
  problems: FlowProblem[];
  /** Names of library Templates whose unsaved text Publish saves first. */
  templateEdits: string[];
  stepContext: StepContext;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before publishing: shows what changed since the active version
 * (Steps added, removed and changed, joins, Template text) and refuses
 * while the draft has problems. Escape or Cancel closes it.
 */
export function PublishDialog(props: PublishDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const active = useActiveGraph(props.flowId, props.activeVersion);
  const blocked = props.problems.length > 0;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="publish-dialog"
      aria-labelledby="publish-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
      data-testid="publish-dialog"
    >
      <h2 id="publish-dialog-title" className="panel__heading">
        {props.activeVersion === null
          ? 'Publish the first version'
          : `Publish over version ${props.activeVersion}`}
      </h2>
      {active.state === 'loading' && <p className="muted">Comparing…</p>}
      {active.state === 'failed' && (
        <ErrorNotice
          error={active.error}
          action="Reading the active version failed"
        />
      )}
      {active.state === 'ready' && (
        <DiffList
          diff={diffFlows(active.graph, props.graph)}
          templateEdits={props.templateEdits}
          stepContext={props.stepContext}
        />
      )}
      {blocked && (
        <div className="notice notice--error" data-testid="publish-blocked">
          Cannot publish while the draft has {props.problems.length} problem
          {props.problems.length === 1 ? '' : 's'}:
          <ul>
            {props.problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={props.onConfirm}
          disabled={blocked}
          autoFocus={!blocked}
          data-testid="publish-confirm"
        >
          Publish now
        </button>
        <button
          type="button"
          className="button"
          onClick={props.onCancel}
          autoFocus={blocked}
          data-testid="publish-cancel"
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}

type ActiveGraph =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; graph: FlowGraph | null };

function useActiveGraph(flowId: string, version: number | null): ActiveGraph {
  const api = useApi();
  const [active, setActive] = useState<ActiveGraph>(
    version === null ? { state: 'ready', graph: null } : { state: 'loading' },
  );

  useEffect(() => {
    if (version === null) {
      return;
    }

    let current = true;
    api.getVersion(flowId, version).then(
      (detail) => current && setActive({ state: 'ready', graph: detail.graph }),
      (error: unknown) => current && setActive({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId, version]);

  return active;
}

function DiffList({
  diff,
  templateEdits,
  stepContext,
}: {
  diff: FlowDiff;
  templateEdits: string[];
  stepContext: StepContext;
}) {
  const name = (step: Parameters<typeof describeStep>[0]) =>
    `${step.type}: ${describeStep(step, stepContext).title}`;

  if (isEmptyDiff(diff) && templateEdits.length === 0) {
    return (
      <p className="muted" data-testid="publish-diff-empty">
        The steps are the same as the active version.
      </p>
    );
  }

  return (
    <ul className="publish-dialog__diff" data-testid="publish-diff">
      {diff.added.map((step) => (
        <li key={`added-${step.id}`} data-change="added">
          <strong>Added</strong> {name(step)}
        </li>
      ))}
      {diff.removed.map((step) => (
        <li key={`removed-${step.id}`} data-change="removed">
          <strong>Removed</strong> {name(step)}
        </li>
      ))}
      {diff.changed.map(({ before, after }) => (
        <li key={`changed-${after.id}`} data-change="changed">
          <strong>Changed</strong> {name(before)}:{' '}
          {changeWords(before, after, stepContext)}
        </li>
      ))}
      {(diff.joinsAdded > 0 || diff.joinsRemoved > 0) && (
        <li data-change="joins">
          Joins: {diff.joinsAdded} added, {diff.joinsRemoved} removed
        </li>
      )}
      {templateEdits.map((template) => (
        <li key={`template-${template}`} data-change="template">
          <strong>Template text</strong> of “{template}” is saved first
        </li>
      ))}
    </ul>
  );
}

// The new title when it differs, else the details that are new, else a
// plain note (a regrouped Condition can read the same).
function changeWords(
  before: Parameters<typeof describeStep>[0],
  after: Parameters<typeof describeStep>[0],
  stepContext: StepContext,
): string {
  const old = describeStep(before, stepContext);
  const now = describeStep(after, stepContext);
  if (old.title !== now.title) {
    return `now “${now.title}”`;
  }

  const fresh = now.details.filter((detail) => !old.details.includes(detail));
  return fresh.length > 0 ? `now ${fresh.join('; ')}` : 'settings changed';
}
