/**
 * The Herald the canvas benchmark opens: API and built UI on a fresh
 * database (no worker, no demo data), with the generated Flow, an empty
 * Flow, and the object type and Templates the generated Flow names.
 */
import { apiCaller } from '../../packages/server/bench/api-caller.js';
import pino from 'pino';
import { loadConfig } from '../../packages/server/src/config.js';
import {
  startHerald,
  type RunningHerald,
} from '../../packages/server/src/herald.js';
import {
  benchObjectType,
  benchTemplates,
  generateFlow,
} from './generated-flow.js';

/** The admin token of the benchmark's Herald. */
export const BENCH_TOKEN = 'canvas-bench-admin-token';

/** A running benchmark Herald and the two Flows it opens. */
export interface CanvasBenchHerald {
  url: string;
  largeFlowId: string;
  emptyFlowId: string;
  stop(): Promise<void>;
}

/** Starts Herald on `databaseUrl` and creates the Flows. */
export async function startCanvasBenchHerald(
  databaseUrl: string,
  steps: number,
): Promise<CanvasBenchHerald> {
  const herald = await startHerald(
    {
      ...loadConfig({}),
      databaseUrl,
      port: 0,
      adminToken: BENCH_TOKEN,
      demoData: false,
      logLevel: 'silent',
    },
    { api: true, worker: false, log: pino({ level: 'silent' }) },
  );
  try {
    const flows = await createFlows(herald, steps);
    return { url: herald.url ?? '', ...flows, stop: () => herald.stop() };
  } catch (error) {
    await herald.stop();
    throw error;
  }
}

/**
 * Creates the catalog, a Flow of `steps` Steps and an empty one through
 * the API; fails unless the large Flow validates without problems.
 */
export async function createFlows(
  herald: Pick<RunningHerald, 'url'>,
  steps: number,
  token = BENCH_TOKEN,
) {
  const call = apiCaller(herald.url ?? '', token);
  await call('PUT', '/api/object-types/Shipment', benchObjectType);
  for (const template of benchTemplates) {
    await call('PUT', `/api/templates/${template.id}`, template.body);
  }

  const large = await call('POST', '/api/flows', {
    name: `Generated ${steps}-step flow`,
    graph: generateFlow(steps),
  });
  const problems = await call('POST', `/api/flows/${large.id}/validate`, {});
  if (problems.problems?.length !== 0) {
    throw new Error(`generated flow has problems: ${JSON.stringify(problems)}`);
  }

  const empty = await call('POST', '/api/flows', { name: 'Empty flow' });
  return { largeFlowId: large.id as string, emptyFlowId: empty.id as string };
}
