import type { Step } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';
import { StepIcon } from '../canvas/nodes/StepIcon';
import type { StepContext } from '../steps/step-context';
import { ChannelInspector } from './ChannelInspector';
import { ConditionInspector } from './ConditionInspector';
import { RolloutInspector } from './RolloutInspector';
import { TemplateInspector } from './TemplateInspector';
import { TriggerInspector } from './TriggerInspector';
import { WaitInspector } from './WaitInspector';

/** Props of {@link Inspector}. */
export interface InspectorProps {
  step: Step;
  context: StepContext;
  /** Receives the edited Step; the draft changes at once. */
  onChange: (step: Step) => void;
  /** Receives a library Template after it was saved. */
  onTemplateSaved: (template: CatalogTemplate) => void;
  onClose: () => void;
  /** Shows the Step without letting it change. Default false. */
  readOnly?: boolean;
}

const stepKinds: Record<Step['type'], string> = {
  trigger: 'Trigger',
  condition: 'Condition',
  rollout: 'Rollout',
  wait: 'Wait',
  template: 'Template',
  channel: 'Channel',
};

/** Edits the selected Step: its label, then the fields of its kind. */
export function Inspector({
  step,
  context,
  onChange,
  onTemplateSaved,
  onClose,
  readOnly = false,
}: InspectorProps) {
  return (
    <section
      className="panel__section inspector"
      data-testid="inspector"
      data-step-id={step.id}
    >
      <div className="panel__heading-row">
        <h2 className={`panel__heading inspector__kind--${step.type}`}>
          <StepIcon type={step.type} /> {stepKinds[step.type]}
        </h2>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={onClose}
          aria-label="Close inspector"
        >
          Close
        </button>
      </div>
      {readOnly && (
        <p className="muted" data-testid="inspector-read-only">
          Your role may change only Rollout steps.
        </p>
      )}
      <fieldset className="inspector__fields" disabled={readOnly}>
        <label className="field">
          <span className="field__label">Label (optional)</span>
          <input
            type="text"
            value={step.label ?? ''}
            onChange={(event) => onChange(withLabel(step, event.target.value))}
            data-testid="step-label"
          />
        </label>
        <StepFields
          step={step}
          context={context}
          onChange={onChange}
          onTemplateSaved={onTemplateSaved}
        />
      </fieldset>
    </section>
  );
}

function StepFields({
  step,
  context,
  onChange,
  onTemplateSaved,
}: Omit<InspectorProps, 'onClose' | 'readOnly'>) {
  switch (step.type) {
    case 'trigger':
      return (
        <TriggerInspector step={step} context={context} onChange={onChange} />
      );
    case 'condition':
      return (
        <ConditionInspector step={step} context={context} onChange={onChange} />
      );
    case 'rollout':
      return (
        <RolloutInspector step={step} context={context} onChange={onChange} />
      );
    case 'wait':
      return (
        <WaitInspector step={step} context={context} onChange={onChange} />
      );
    case 'template':
      return (
        <TemplateInspector
          step={step}
          context={context}
          onChange={onChange}
          onTemplateSaved={onTemplateSaved}
        />
      );
    case 'channel':
      return <ChannelInspector step={step} onChange={onChange} />;
  }
}

function withLabel(step: Step, label: string): Step {
  if (label === '') {
    const { label: _removed, ...rest } = step;
    return rest as Step;
  }

  return { ...step, label };
}
