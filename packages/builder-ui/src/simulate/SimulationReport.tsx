import type { ConditionTrace } from '@herald/engine';
import { channelLabel } from '../steps/channel-names';
import { formatValue } from '../steps/describe-condition';
import type {
  SimulatedMessage,
  SimulatedPath,
  SimulationResult,
} from './run-simulation';

/** Props of {@link SimulationReport}. */
export interface SimulationReportProps {
  result: SimulationResult;
  /** Names a step, e.g. "Condition: Status is Shipped". */
  stepName: (stepId: string) => string;
}

/**
 * What a simulation found: whether anything would be sent, then each path
 * with the Trigger and every Condition and Rollout it passed through,
 * each comparison with the values it saw, and the rendered message per
 * Channel with its length and, for SMS, encoding and segments.
 */
export function SimulationReport({ result, stepName }: SimulationReportProps) {
  if (!result.ok) {
    return (
      <div className="notice notice--error" data-testid="simulate-invalid">
        The draft cannot run until its problems are fixed:{' '}
        {result.problems.map((problem) => problem.message).join('; ')}
      </div>
    );
  }

  const fired = result.paths.filter((path) => path.fired);
  return (
    <div className="simulate__report" data-testid="simulate-report">
      <p
        className={fired.length > 0 ? 'notice notice--ok' : 'notice'}
        data-testid="simulate-summary"
      >
        {fired.length > 0
          ? `Would send on ${fired.length} of ${result.paths.length} ` +
            `path${result.paths.length === 1 ? '' : 's'}. Nothing was sent.`
          : 'Would send nothing for this change.'}
      </p>
      {result.paths.map((path) => (
        <PathReport key={path.pathId} path={path} stepName={stepName} />
      ))}
    </div>
  );
}

function PathReport({
  path,
  stepName,
}: {
  path: SimulatedPath;
  stepName: (stepId: string) => string;
}) {
  return (
    <section
      className={`simulate__path simulate__path--${path.fired ? 'fired' : 'idle'}`}
      data-testid="simulate-path"
      data-fired={path.fired ? 'true' : 'false'}
    >
      <h3 className="simulate__path-heading">
        {path.fired ? '✓ Fires' : '✗ Does not fire'}:{' '}
        {path.stepIds.map(stepName).join(' → ')}
      </h3>
      <LeafList title="Trigger" leaves={path.trigger} />
      {path.steps.map((step) => (
        <LeafList
          key={step.stepId}
          title={`${stepName(step.stepId)}${branchWords(step.branch)}`}
          outcome={step.blocked ? 'fail' : 'pass'}
          leaves={step.leaves}
          stepId={step.stepId}
        />
      ))}
      {path.priorConditions && path.priorConditions.length > 0 && (
        <LeafList
          title="Before the change (sends once: these must not all have held)"
          leaves={path.priorConditions}
          leafTestId="simulate-prior-leaf"
        />
      )}
      {path.note && (
        <p className="muted" data-testid="simulate-note">
          {path.note}
        </p>
      )}
      {path.messages.map((message) => (
        <MessageReport key={message.channel} message={message} />
      ))}
    </section>
  );
}

function branchWords(branch: 'true' | 'false' | undefined): string {
  if (branch === 'true') return ' (true branch)';
  if (branch === 'false') return ' (false branch)';
  return '';
}

function LeafList({
  title,
  leaves,
  outcome,
  stepId,
  leafTestId = 'simulate-leaf',
}: {
  title: string;
  leaves: ConditionTrace[];
  outcome?: 'pass' | 'fail';
  stepId?: string;
  leafTestId?: string;
}) {
  return (
    <div
      className="simulate__step"
      data-testid="simulate-step"
      data-step-id={stepId}
      data-outcome={outcome}
    >
      <div className="simulate__step-title">
        {outcome && <OutcomeMark pass={outcome === 'pass'} />} {title}
      </div>
      {leaves.length === 0 && (
        <div className="muted simulate__leaf">not evaluated</div>
      )}
      <ul className="simulate__leaves">
        {leaves.map((leaf, index) => (
          <li
            key={`${leaf.fact}.${leaf.path}-${index}`}
            className="simulate__leaf"
            data-testid={leafTestId}
            data-result={leaf.result ? 'pass' : 'fail'}
          >
            <OutcomeMark pass={leaf.result} /> {leafWords(leaf)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OutcomeMark({ pass }: { pass: boolean }) {
  return (
    <span
      className={pass ? 'simulate__mark--pass' : 'simulate__mark--fail'}
      aria-label={pass ? 'passed' : 'failed'}
    >
      {pass ? '✓' : '✗'}
    </span>
  );
}

function leafWords(leaf: ConditionTrace): string {
  const subject = leaf.path === '' ? leaf.fact : `${leaf.fact}.${leaf.path}`;
  const expected = leaf.expectedFact
    ? `${leaf.expectedFact.fact}.${leaf.expectedFact.path}`
    : formatValue(leaf.expected);
  const prior =
    leaf.prior === undefined ? '' : ` (before: ${formatValue(leaf.prior)})`;
  return `${subject} ${leaf.operator} ${expected} — saw ${formatValue(leaf.actual)}${prior}`;
}

function MessageReport({ message }: { message: SimulatedMessage }) {
  const { render, measure } = message;
  return (
    <div
      className="simulate__message"
      data-testid="simulate-message"
      data-channel={message.channel}
    >
      <div className="simulate__step-title">
        {channelLabel(message.channel)}
        {message.variant ? ` · ${message.variant} variant` : ''}
      </div>
      {render.ok ? (
        <pre className="simulate__text" data-testid="simulate-message-text">
          {render.text}
        </pre>
      ) : (
        <p className="notice notice--error" data-testid="simulate-render-error">
          <span className="notice__code">{render.code}</span> {render.message}
        </p>
      )}
      {measure && (
        <p
          className={measure.tooLong ? 'field__error' : 'muted'}
          data-testid="simulate-measure"
        >
          {measure.characters} characters
          {measure.sms &&
            ` · ${measure.sms.encoding} · ${measure.sms.segments} ` +
              `segment${measure.sms.segments === 1 ? '' : 's'}`}
          {measure.sms &&
            measure.sms.nonGsmCharacters.length > 0 &&
            ` · UCS-2 because of ${measure.sms.nonGsmCharacters.join(' ')}`}
          {measure.tooLong && ' · too long for this channel'}
        </p>
      )}
    </div>
  );
}
