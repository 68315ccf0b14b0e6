import { useState } from 'react';
import type { Catalog, FlowGraph, ObjectTypeDef } from '@herald/engine';
import { fetchRecord } from '../api/activity-api';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { ChangeEditor, type ChangeDraft } from './ChangeEditor';
import { fieldsFromText, fieldsToText } from './field-text';
import { runSimulation, type SimulationResult } from './run-simulation';
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
  const [recordId, setRecordId] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [running, setRunning] = useState(false);
  const fields = objectType?.fields ?? [];

  async function loadRecord(id: string, kind = draft.kind) {
    if (!objectType || id.trim() === '') {
      return;
    }

    setLoadError(null);
    try {
      const record = await fetchRecord(objectType.name, id.trim());
      const texts = fieldsToText(record.fields, fields);
      setDraft({ kind, recordId: record.recordId, prior: texts, current: texts });
      setCustomerId(record.customerId ?? customerId);
    } catch (error) {
      setLoadError(error);
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
    const outcome = await runSimulation(
      props.graph(),
      props.flowId,
      props.catalog,
      facts,
    );
    setResult(outcome);
    props.onResult(outcome);
    setRunning(false);
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
        Runs this draft in your browser on one change, with the same engine
        as production. Nothing is sent or stored.
      </p>
      {!objectType ? (
        <p className="notice">Choose the Trigger's object type first.</p>
      ) : (
        <>
          <form
            className="simulate__load"
            onSubmit={(event) => {
              event.preventDefault();
              void loadRecord(recordId);
            }}
          >
            <label className="field">
              <span className="field__label">
                Load a {objectType.label ?? objectType.name} by id
              </span>
              <span className="simulate__inline">
                <input
                  type="text"
                  value={recordId}
                  placeholder="e.g. SHP-1002"
                  onChange={(event) => setRecordId(event.target.value)}
                  data-testid="simulate-record-id"
                />
                <button
                  type="submit"
                  className="button button--small"
                  data-testid="simulate-load"
                >
                  Load
                </button>
              </span>
            </label>
          </form>
          {sources.runs.length > 0 && (
            <label className="field">
              <span className="field__label">…or a recent run</span>
              <select
                value=""
                onChange={(event) => {
                  const run = sources.runs.find(
                    (item) => item.id === event.target.value,
                  );
                  if (run) {
                    setRecordId(run.recordId);
                    void loadRecord(run.recordId, kindOf(run.kind));
                  }
                }}
                data-testid="simulate-recent-run"
              >
                <option value="">Choose a run…</option>
                {sources.runs.map((run) => (
                  <option key={run.id} value={run.id}>
                    {run.recordId} · {run.kind}{' '}
                    {run.changedFields.join(', ')} · {formatTime(run.startedAt)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {loadError !== null && (
            <ErrorNotice error={loadError} action="Loading the record failed" />
          )}
          <label className="field">
            <span className="field__label">Customer</span>
            <input
              type="text"
              list="simulate-customers"
              value={customerId}
              placeholder="customer id"
              onChange={(event) => setCustomerId(event.target.value)}
              data-testid="simulate-customer"
            />
            <datalist id="simulate-customers">
              {sources.customers.map((customer) => (
                <option key={customer.id} value={customer.id}>
                  {[customer.firstName, customer.lastName, customer.tier]
                    .filter(Boolean)
                    .join(' ')}
                </option>
              ))}
            </datalist>
            <CustomerSummary
              customerId={customerId}
              customers={sources.customers}
            />
          </label>
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

function CustomerSummary({
  customerId,
  customers,
}: {
  customerId: string;
  customers: ReturnType<typeof useSimulationSources>['customers'];
}) {
  const customer = customers.find((item) => item.id === customerId);
  if (!customer) {
    return customerId === '' ? null : (
      <span className="field__hint muted">
        Not in the customer list: only the id is known.
      </span>
    );
  }

  return (
    <span className="field__hint muted" data-testid="simulate-customer-summary">
      {[customer.firstName, customer.lastName].filter(Boolean).join(' ')} ·{' '}
      {customer.tier} · {customer.region ?? 'no region'} · prefers{' '}
      {customer.preferredChannel ?? 'none'} · {customer.locale}
    </span>
  );
}

function kindOf(kind: string): ChangeDraft['kind'] {
  return kind === 'create' || kind === 'delete' ? kind : 'update';
}
