import { useState } from 'react';
import type { Catalog, FlowGraph, ObjectTypeDef } from '@herald/engine';
import { fetchRecord } from '../api/activity-api';
import { ErrorNotice } from '../app/ErrorNotice';
import { ChangeEditor, type ChangeDraft } from './ChangeEditor';
import { CustomerField } from './CustomerField';
import { fieldsFromText, fieldsToText } from './field-text';
import { runSimulation, type SimulationResult } from './run-simulation';
import { RecordSourcePicker } from './RecordSourcePicker';
import { SimulationReport } from './SimulationReport';
import { customerFact, simulationFacts } from './simulation-facts';
import { useSimulationSources } from './use-simulation-sources';
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

interface Failure {
  error: unknown;
  action: string;
}

const emptyDraft: ChangeDraft = {
  kind: 'update',
  recordId: 'SIMULATED-1',
  prior: {},
  current: {},
};

/**
 * Runs the draft on one Change in the browser: a real Record loaded by id
 * or from a recent Run, or a Change typed by hand, for a chosen Customer.
 * Shows the explain trace and the rendered messages. Nothing is sent.
 */
export function SimulatePanel(props: SimulatePanelProps) {
  const { objectType } = props;
  const sources = useSimulationSources(objectType?.name);
  const [draft, setDraft] = useState<ChangeDraft>(emptyDraft);
  const [customerId, setCustomerId] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [running, setRunning] = useState(false);
  const fields = objectType?.fields ?? [];

  async function loadRecord(id: string, kind = draft.kind) {
    if (!objectType || id.trim() === '') {
      return;
    }

    setFailure(null);
    try {
      const record = await fetchRecord(objectType.name, id.trim());
      const texts = fieldsToText(record.fields, fields);
      setDraft({
        kind,
        recordId: record.recordId,
        prior: texts,
        current: texts,
      });
      setCustomerId(record.customerId ?? customerId);
    } catch (error) {
      setFailure({ error, action: 'Loading the record failed' });
    }
  }

  async function simulate() {
    if (!objectType) {
      return;
    }

    setRunning(true);
    const customer = sources.customers.find((item) => item.id === customerId);
    const facts = simulationFacts(
      {
        kind: draft.kind,
        objectType: objectType.name,
        recordId: draft.recordId,
        prior: fieldsFromText(draft.prior, fields),
        current: fieldsFromText(draft.current, fields),
      },
      customer ? customerFact(customer) : { id: customerId },
      new Date(),
    );
    setFailure(null);
    try {
      const outcome = await runSimulation(
        props.graph(),
        props.flowId,
        props.catalog,
        facts,
      );
      setResult(outcome);
      props.onResult(outcome);
    } catch (error) {
      // The engine refused the facts (a value it cannot read, say).
      setFailure({ error, action: 'Simulating failed' });
    } finally {
      setRunning(false);
    }
  }

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
      {!objectType ? (
        <p className="notice">Choose the Trigger's object type first.</p>
      ) : (
        <>
          <RecordSourcePicker
            objectType={objectType}
            runs={sources.runs}
            onLoad={(id, kind) => void loadRecord(id, kind)}
          />
          {failure && (
            <ErrorNotice error={failure.error} action={failure.action} />
          )}
          <CustomerField
            customerId={customerId}
            customers={sources.customers}
            onChange={setCustomerId}
          />
          {sources.failure && <p className="muted">{sources.failure}</p>}
          <ChangeEditor draft={draft} fields={fields} onChange={setDraft} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => void simulate()}
            disabled={running}
            data-testid="simulate-run"
          >
            {running ? 'Simulating…' : 'Simulate this change'}
          </button>
          {result && (
            <SimulationReport result={result} stepName={props.stepName} />
          )}
        </>
      )}
    </section>
  );
}
