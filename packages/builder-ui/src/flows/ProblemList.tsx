import type { FlowProblem } from '../api/api-types';

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  /** `publish`: the server refused to publish; `draft`: checked here. */
  source: 'publish' | 'draft';
  problems: FlowProblem[];
  /** Names a step for a problem, e.g. by its kind and title. */
  stepName: (stepId: string) => string;
  onSelectStep: (stepId: string) => void;
}

/**
 * What keeps a Flow from being published, found by the server on Publish
 * or by checking the draft in the browser. A problem tied to a Step is a
 * button that selects that Step on the canvas.
 */
export function ProblemList({
  source,
  problems,
  stepName,
  onSelectStep,
}: ProblemListProps) {
  return (
    <div
      className="problems"
      role={source === 'publish' ? 'alert' : undefined}
      data-testid={`${source}-problems`}
    >
      <h2 className="panel__heading">
        {source === 'publish' ? 'Cannot publish' : 'Problems in the draft'}
      </h2>
      <ul className="problems__list">
        {problems.map((problem, index) => (
          <li
            key={`${problem.stepId ?? 'flow'}-${problem.code}-${index}`}
            data-testid="problem"
            data-step-id={problem.stepId ?? undefined}
            data-code={problem.code}
          >
            {problem.stepId ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onSelectStep(problem.stepId as string)}
              >
                {stepName(problem.stepId)}
              </button>
            ) : (
              <strong>Flow</strong>
            )}
            : {problem.message}
            {problem.field && (
              <span className="muted"> (field {problem.field})</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
