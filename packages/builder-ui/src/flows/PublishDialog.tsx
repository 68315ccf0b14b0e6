import { useEffect, useRef } from 'react';
import type { FlowGraph } from '@herald/engine';
import type { CatalogTemplate, FlowProblem } from '../api/api-types';
import { ErrorNotice } from '../app/ErrorNotice';
import { describeStep } from '../steps/describe-step';
import type { StepContext } from '../steps/step-context';
import { diffFlows, isEmptyDiff, type FlowDiff } from './flow-diff';
import {
  diffTemplateCopies,
  type TemplateCopyChange,
} from './template-copy-diff';
import { useActiveVersion } from './use-active-version';
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
  /**
   * The library's Templates, with unsaved edits in place: what the new
   * version would store a copy of.
   */
  templates: CatalogTemplate[];
  /** Names of library Templates whose unsaved text Publish saves first. */
  templateEdits: string[];
  stepContext: StepContext;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before publishing: shows what changed since the active version
 * (Steps added, removed and changed, joins, and Templates whose library
 * text differs from the copy the active version sends) and refuses while
 * the draft has problems. Escape or Cancel closes it.
 */
export function PublishDialog(props: PublishDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const active = useActiveVersion(props.flowId, props.activeVersion);
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
          diff={diffFlows(active.detail?.graph ?? null, props.graph)}
          templateChanges={diffTemplateCopies(
            active.detail?.templates ?? [],
            props.templates,
            props.graph,
          )}
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

function DiffList({
  diff,
  templateChanges,
  templateEdits,
  stepContext,
}: {
  diff: FlowDiff;
  templateChanges: TemplateCopyChange[];
  templateEdits: string[];
  stepContext: StepContext;
}) {
  const name = (step: Parameters<typeof describeStep>[0]) =>
    `${step.type}: ${describeStep(step, stepContext).title}`;
  const changedNames = new Set(templateChanges.map((change) => change.name));
  const otherEdits = templateEdits.filter((edit) => !changedNames.has(edit));

  if (
    isEmptyDiff(diff) &&
    templateChanges.length === 0 &&
    templateEdits.length === 0
  ) {
    return (
      <p className="muted" data-testid="publish-diff-empty">
        The steps and the template text are the same as the active version.
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
      {templateChanges.map((change) => (
        <li
          key={`template-${change.id}`}
          data-change="template"
          data-template-id={change.id}
        >
          <strong>Template</strong> “{change.name}” differs from the copy the
          active version sends: {change.changed.join(', ')}
          {templateEdits.includes(change.name) && ' (unsaved, saved first)'}
        </li>
      ))}
      {otherEdits.map((template) => (
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
