import { useState } from 'react';
import type {
  Catalog,
  ChangeKind,
  FlowGraph,
  ObjectTypeDef,
} from '@herald/engine';
import { fetchChange, fetchRecord } from '../api/activity-api';
import type { CustomerView } from '../api/activity-types';
import type { ChangeDraft } from './ChangeEditor';
import { fieldsFromText, fieldsToText } from './field-text';
import { runSimulation, type SimulationResult } from './run-simulation';
import { customerFact, simulationFacts } from './simulation-facts';

/** What went wrong, and while doing what. */
export interface SimulatorFailure {
  error: unknown;
  action: string;
}

/** The simulator's inputs, its last result and what it can do. */
export interface Simulator {
  draft: ChangeDraft;
  setDraft: (draft: ChangeDraft) => void;
  customerId: string;
  setCustomerId: (customerId: string) => void;
  failure: SimulatorFailure | null;
  result: SimulationResult | null;
  running: boolean;
  /** Loads a Record's current snapshot as a Change of `kind`. */
  loadRecord: (recordId: string, kind?: ChangeKind) => Promise<void>;
  /** Loads a recorded Change (prior and current values) and its Customer. */
  loadChange: (changeId: string) => Promise<void>;
  /** Runs the draft on the Change as edited; nothing is sent. */
  simulate: () => Promise<void>;
}

/** What the simulator runs against. */
export interface SimulatorSetup {
  flowId: string;
  /** Reads the draft as it is when Simulate is pressed. */
  graph: () => FlowGraph;
  catalog: Catalog;
  objectType: ObjectTypeDef | undefined;
  customers: CustomerView[];
  /** Receives each result, to mark the path on the canvas. */
  onResult: (result: SimulationResult | null) => void;
}

const emptyDraft: ChangeDraft = {
  kind: 'update',
  recordId: 'SIMULATED-1',
  prior: {},
  current: {},
};

/** Holds a simulation's Change and Customer, and runs it with the engine. */
export function useSimulator(setup: SimulatorSetup): Simulator {
  const [draft, setDraft] = useState<ChangeDraft>(emptyDraft);
  const [customerId, setCustomerId] = useState('');
  const [failure, setFailure] = useState<SimulatorFailure | null>(null);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [running, setRunning] = useState(false);
  const { loadRecord, loadChange } = changeLoaders(setup.objectType, {
    kind: draft.kind,
    customerId,
    setDraft,
    setCustomerId,
    setFailure,
  });

  async function simulate() {
    if (!setup.objectType) {
      return;
    }

    setRunning(true);
    setFailure(null);
    try {
      const outcome = await runSimulation(
        setup.graph(),
        setup.flowId,
        setup.catalog,
        factsFor(setup, draft, customerId),
      );
      setResult(outcome);
      setup.onResult(outcome);
    } catch (error) {
      // The engine refused the facts (a value it cannot read, say).
      setFailure({ error, action: 'Simulating failed' });
    } finally {
      setRunning(false);
    }
  }

  return {
    draft,
    setDraft,
    customerId,
    setCustomerId,
    failure,
    result,
    running,
    loadRecord,
    loadChange,
    simulate,
  };
}

// Loading a Record or a recorded Change into the simulator's inputs.
function changeLoaders(
  objectType: ObjectTypeDef | undefined,
  inputs: {
    kind: ChangeKind;
    customerId: string;
    setDraft: (draft: ChangeDraft) => void;
    setCustomerId: (customerId: string) => void;
    setFailure: (failure: SimulatorFailure | null) => void;
  },
): Pick<Simulator, 'loadRecord' | 'loadChange'> {
  const fields = objectType?.fields ?? [];

  async function load(action: string, read: () => Promise<void>) {
    inputs.setFailure(null);
    try {
      await read();
    } catch (error) {
      inputs.setFailure({ error, action });
    }
  }

  const loadRecord = (id: string, kind = inputs.kind) =>
    load('Loading the record failed', async () => {
      if (!objectType || id.trim() === '') {
        return;
      }

      const record = await fetchRecord(objectType.name, id.trim());
      const texts = fieldsToText(record.fields, fields);
      inputs.setDraft({
        kind,
        recordId: record.recordId,
        prior: texts,
        current: texts,
      });
      inputs.setCustomerId(record.customerId ?? inputs.customerId);
    });

  const loadChange = (changeId: string) =>
    load('Loading the change failed', async () => {
      const change = await fetchChange(changeId);
      inputs.setDraft({
        kind: changeKindOf(change.kind),
        recordId: change.recordId,
        prior: fieldsToText(change.prior ?? {}, fields),
        current: fieldsToText(change.current ?? {}, fields),
      });
      inputs.setCustomerId(change.customerId);
    });

  return { loadRecord, loadChange };
}

function factsFor(
  setup: SimulatorSetup,
  draft: ChangeDraft,
  customerId: string,
) {
  const fields = setup.objectType?.fields ?? [];
  const customer = setup.customers.find((item) => item.id === customerId);
  return simulationFacts(
    {
      kind: draft.kind,
      objectType: setup.objectType?.name ?? '',
      recordId: draft.recordId,
      prior: fieldsFromText(draft.prior, fields),
      current: fieldsFromText(draft.current, fields),
    },
    customer ? customerFact(customer) : { id: customerId },
    new Date(),
  );
}

function changeKindOf(kind: string): ChangeKind {
  return kind === 'create' || kind === 'delete' ? kind : 'update';
}
