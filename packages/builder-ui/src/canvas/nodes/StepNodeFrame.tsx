import type { ReactNode } from 'react';
import type { Step } from '@herald/engine';
import { describeStep } from '../../steps/describe-step';
import { useCanvasContext, type SimulationMarks } from '../canvas-context';
import { StepIcon } from './StepIcon';

/** Props of {@link StepNodeFrame}. */
export interface StepNodeFrameProps {
  step: Step;
  /** Heading of the node, e.g. "Condition". */
  kind: string;
  selected: boolean;
  /** The node's React Flow handles. */
  children: ReactNode;
}

/**
 * The card every step node draws: a coloured heading with the Step kind,
 * the Step in plain words, details, and any validation problems.
 */
export function StepNodeFrame({
  step,
  kind,
  selected,
  children,
}: StepNodeFrameProps) {
  const { stepContext, problemsByStep, simulation } = useCanvasContext();
  const simulated = simulationMark(step.id, simulation);
  const description = describeStep(step, stepContext);
  const problems = problemsByStep.get(step.id) ?? [];
  const classNames = [
    'step-node',
    `step-node--${step.type}`,
    selected ? 'step-node--selected' : '',
    problems.length > 0 ? 'step-node--problem' : '',
    simulated ? `step-node--${simulated}` : '',
  ];

  return (
    <div
      className={classNames.filter(Boolean).join(' ')}
      data-testid={`step-${step.type}`}
      data-step-id={step.id}
      data-problem={problems.length > 0 ? 'true' : undefined}
      data-simulated={simulated ?? undefined}
    >
      <div className="step-node__kind">
        <StepIcon type={step.type} />
        <span>{kind}</span>
        {step.label && <span className="step-node__label">{step.label}</span>}
      </div>
      <div className="step-node__title" data-testid="step-title">
        {description.title}
      </div>
      {description.details.map((detail) => (
        <div key={detail} className="step-node__detail">
          {detail}
        </div>
      ))}
      {problems.map((problem, index) => (
        <div
          key={`${problem.code}-${index}`}
          className="step-node__problem"
          data-testid="step-problem"
        >
          {problem.message}
        </div>
      ))}
      {children}
    </div>
  );
}

// A simulated Change either went through the Step, was stopped by it, or
// never reached it.
function simulationMark(
  stepId: string,
  marks: SimulationMarks | undefined,
): 'taken' | 'failed' | 'skipped' | null {
  if (!marks) {
    return null;
  }

  if (marks.failed.has(stepId)) {
    return 'failed';
  }

  return marks.taken.has(stepId) ? 'taken' : 'skipped';
}
