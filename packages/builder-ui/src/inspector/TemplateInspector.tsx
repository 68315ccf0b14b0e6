import type { Step, TemplateStep } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';
import type { StepContext } from '../steps/step-context';
import { TemplateEditor } from './TemplateEditor';

/** Props of {@link TemplateInspector}. */
export interface TemplateInspectorProps {
  step: TemplateStep;
  context: StepContext;
  onChange: (step: Step) => void;
  onTemplateSaved: (template: CatalogTemplate) => void;
}

/**
 * Chooses which library Template the Step uses and whether it is urgent,
 * and edits that Template's text in the library.
 */
export function TemplateInspector({
  step,
  context,
  onChange,
  onTemplateSaved,
}: TemplateInspectorProps) {
  const { templateId, urgent } = step.data;
  const template = context.templates.find(
    (candidate) => candidate.id === templateId,
  );

  function update(data: Partial<TemplateStep['data']>) {
    const next = { ...step.data, ...data };
    if (!next.urgent) {
      delete next.urgent;
    }

    onChange({ ...step, data: next });
  }

  return (
    <div className="inspector__fields">
      <label className="field">
        <span className="field__label">Template</span>
        <select
          value={templateId}
          onChange={(event) => update({ templateId: event.target.value })}
          data-testid="template-select"
        >
          {!template && (
            <option value={templateId}>{templateId} (not in library)</option>
          )}
          {context.templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={urgent === true}
          onChange={(event) => update({ urgent: event.target.checked })}
          data-testid="template-urgent"
        />
        Urgent: may send during quiet hours (never without consent)
      </label>
      {template ? (
        <TemplateEditor
          key={template.id}
          template={template}
          onSaved={onTemplateSaved}
          objectType={context.objectType}
        />
      ) : (
        <p className="notice notice--error">
          The library has no template “{templateId}”. Choose another one.
        </p>
      )}
    </div>
  );
}
