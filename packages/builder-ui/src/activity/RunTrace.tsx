import type { PathTrace } from '@herald/engine';
import { formatValue } from '../steps/describe-condition';

/** Props of {@link RunTrace}. */
export interface RunTraceProps {
  trace: PathTrace[];
  /** A Flow's name by id; the id when unknown. */
  flowName: (flowId: string) => string;
}

/**
 * The explain trace of one Run: per Flow version and path, whether it
 * fired, and every comparison with the value it saw.
 */
export function RunTrace({ trace, flowName }: RunTraceProps) {
  if (trace.length === 0) {
    return (
      <p className="muted" data-testid="run-trace-empty">
        No active flow listens to this change.
      </p>
    );
  }

  return (
    <div data-testid="run-trace">
      {trace.map((path) => (
        <section
          key={`${path.flowId}:${path.version}:${path.pathId}`}
          className={`simulate__path simulate__path--${path.fired ? 'fired' : 'idle'}`}
          data-testid="run-path"
          data-fired={path.fired ? 'true' : 'false'}
        >
          <h3 className="simulate__path-heading">
            {path.fired ? '✓ Fired' : '✗ Did not fire'}: {flowName(path.flowId)}{' '}
            v{path.version}
          </h3>
          <div className="muted simulate__leaf">{path.pathId}</div>
          <ul className="simulate__leaves">
            {path.conditions.map((leaf, index) => (
              <li
                key={index}
                className="simulate__leaf"
                data-testid="run-leaf"
                data-result={leaf.result ? 'pass' : 'fail'}
              >
                <span
                  className={
                    leaf.result
                      ? 'simulate__mark--pass'
                      : 'simulate__mark--fail'
                  }
                >
                  {leaf.result ? '✓' : '✗'}
                </span>{' '}
                {leaf.stepId ? `[${leaf.stepId}] ` : ''}
                {leaf.fact}.{leaf.path} {leaf.operator}{' '}
                {formatValue(leaf.expected)} — saw {formatValue(leaf.actual)}
                {leaf.prior !== undefined &&
                  ` (before: ${formatValue(leaf.prior)})`}
              </li>
            ))}
          </ul>
          {path.note && <p className="muted">{path.note}</p>}
        </section>
      ))}
    </div>
  );
}
