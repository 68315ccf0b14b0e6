/**
 * Benchmark script: how long the reference engine takes to evaluate one
 * Change against the demo Flow. Run with `pnpm --filter @herald/engine bench`.
 */
import { evaluateChange } from '../src/change-evaluator.js';
import {
  demoCatalog,
  demoFlow,
  shippedFacts,
} from '../src/demo-flow.fixture.js';
import { compileFlow } from '../src/flow-compiler.js';

const RUNS = 2000;

async function main(): Promise<void> {
  const compiled = compileFlow(
    demoFlow(),
    { flowId: 'bench', version: 1 },
    demoCatalog,
  );
  if (!compiled.ok) throw new Error('the demo flow does not compile');

  const facts = shippedFacts('VIP');
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) {
    await evaluateChange([compiled.ruleSet], facts);
  }
  const perChangeMs = (performance.now() - started) / RUNS;

  console.log(
    JSON.stringify({ runs: RUNS, perChangeMs: Number(perChangeMs.toFixed(3)) }),
  );
}

void main();
