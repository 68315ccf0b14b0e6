import type { Catalog, FlowGraph, ObjectTypeDef } from '@herald/engine';
import { ErrorNotice } from '../app/ErrorNotice';
import { ChangeEditor } from './ChangeEditor';
import { CustomerField } from './CustomerField';
import type { SimulationResult } from './run-simulation';
import { RecordSourcePicker } from './RecordSourcePicker';
import { SimulationReport } from './SimulationReport';
import { useSimulationSources } from './use-simulation-sources';
import { useSimulator } from './use-simulator';
import './simulate.css';

/** Props of {@link SimulatePanel}. */
export interface SimulatePanelProps {
  flowId: string;
  /** Reads the draft as it is when Simulate is pressed. */
  graph: () => FlowGraph;
  /** Object types and Templates, with unsaved Template text applied. */
  catalog: Catalog;
  /** The Trigger's object type; undefined until the Trigger names one. */
  objectType: ObjectTypeDef | undefined;
  stepName: (stepId: string) => string;
  /** Receives each result, to mark the path on the canvas; null clears. */
  onResult: (result: SimulationResult | null) => void;
  onClose: () => void;
}

/**
 * Runs the draft on one Change in the browser: a real Record loaded by id,
 * a Change this Flow recently sent for or a recent Run replayed, or a
 * Change typed by hand, for a chosen Customer. Shows the explain trace
 * and the rendered messages. Nothing is sent.
 */
export function SimulatePanel(props: SimulatePanelProps) {
  const { objectType } = props;
  const sources = useSimulationSources(props.flowId, objectType?.name);
  const simulator = useSimulator({ ...props, customers: sources.customers });

  function close() {
    props.onResult(null);
    props.onClose();
  }

  return (
    <section className="panel__section simulate" data-testid="simulate-panel">
      <div className="panel__heading-row">
        <h2 className="panel__heading">Simulate</h2>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={close}
          data-testid="simulate-close"
        >
          Close
        </button>
      </div>
      <p className="muted">
        Runs this draft in your browser on one change, with the same engine as
        production. Nothing is sent or stored.
      </p>
      {objectType ? (
        <SimulatorForm
          {...props}
          objectType={objectType}
          sources={sources}
          simulator={simulator}
        />
      ) : (
        <p className="notice">Choose the Trigger's object type first.</p>
      )}
    </section>
  );
}

type SimulatorFormProps = SimulatePanelProps & {
  objectType: ObjectTypeDef;
  sources: ReturnType<typeof useSimulationSources>;
  simulator: ReturnType<typeof useSimulator>;
};

// Where the Change comes from, who it is for, the Change itself, and the
// result of the last run.
function SimulatorForm({
  objectType,
  sources,
  simulator,
  stepName,
}: SimulatorFormProps) {
  const { failure, result, running } = simulator;

  return (
    <>
      <RecordSourcePicker
        objectType={objectType}
        runs={sources.runs}
        deliveries={sources.deliveries}
        onLoadRecord={(id, kind) => void simulator.loadRecord(id, kind)}
        onLoadChange={(changeId) => void simulator.loadChange(changeId)}
      />
      {failure && <ErrorNotice error={failure.error} action={failure.action} />}
      <CustomerField
        customerId={simulator.customerId}
        customers={sources.customers}
        onChange={simulator.setCustomerId}
      />
      {sources.failure && <p className="muted">{sources.failure}</p>}
      <ChangeEditor
        draft={simulator.draft}
        fields={objectType.fields}
        onChange={simulator.setDraft}
      />
      <button
        type="button"
        className="button button--primary"
        onClick={() => void simulator.simulate()}
        disabled={running}
        data-testid="simulate-run"
      >
        {running ? 'Simulating…' : 'Simulate this change'}
      </button>
      {result && <SimulationReport result={result} stepName={stepName} />}
    </>
  );
}
