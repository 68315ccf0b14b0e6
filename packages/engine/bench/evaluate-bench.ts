/**
 * Benchmark script (not a test): Herald's evaluator against json-rules-
 * engine on the same stored rules. Builds published Flows over ten object
 * types and a stream of Changes, then measures
 *
 * - Herald: trigger index + compiled Rule set programs, with full explain
 *   traces, over every Change;
 * - the baseline: all rules in one json-rules-engine Engine, on a sample;
 * - whether both fire the same paths on that sample, and whether Herald's
 *   traces equal the reference evaluator's on a smaller sample;
 * - peak memory.
 *
 * Prints a summary, then one JSON line with the figures. `--quick` runs a
 * small workload in seconds. Exits non-zero when a decision or trace
 * differs, or when too few Changes fire for the workload to mean anything.
 * Run with `pnpm bench` or `pnpm bench --quick`.
 */
import { evaluateChange } from '../src/change-evaluator.js';
import type { Facts, RuleSet } from '../src/rule-set.js';
import { ruleSetProgramOf } from '../src/rule-set-program.js';
import { buildTriggerIndex, type TriggerIndex } from '../src/trigger-index.js';
import { createBaselineEngine, pathKey } from './baseline-engine.js';
import { buildChanges } from './bench-changes.js';
import { buildPublishedRuleSets } from './bench-flows.js';
import { MemoryPeak } from './memory-peak.js';
import { RandomSource } from './random-source.js';

interface BenchSize {
  flows: number;
  changes: number;
  /** Changes the baseline runs; its decisions are compared with Herald's. */
  baselineSample: number;
  /** Changes whose traces are compared with the reference evaluator's. */
  traceSample: number;
}

const sizes: Record<'full' | 'quick', BenchSize> = {
  full: {
    flows: 1000,
    changes: 100_000,
    baselineSample: 1000,
    traceSample: 300,
  },
  quick: { flows: 100, changes: 5000, baselineSample: 300, traceSample: 100 },
};
const MIN_FIRING_SHARE = 0.1;
const SEED = 20240601;

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = sizes[quick ? 'quick' : 'full'];
  const memory = new MemoryPeak();
  const random = new RandomSource(SEED);
  const ruleSets = buildPublishedRuleSets(size.flows, random);
  const changes = buildChanges(size.changes, random);
  const sample = sampleIndexes(size.changes, size.baselineSample);
  report(
    `workload: ${size.flows} flows, ${countRules(ruleSets)} rules, ${size.changes} changes`,
  );

  const herald = await runHerald(ruleSets, changes, sample, memory);
  report(
    `herald done (${Math.round(herald.perSecond)}/s); baseline on ${sample.length} changes...`,
  );
  const baseline = await runBaseline(ruleSets, changes, sample, memory);
  const traces = await compareTraces(
    herald.index,
    changes,
    sample.slice(0, size.traceSample),
  );
  const mismatches = sample.filter(
    (i) => herald.decisions.get(i) !== baseline.decisions.get(i),
  );

  const figures = {
    mode: quick ? 'quick' : 'full',
    flows: size.flows,
    rules: countRules(ruleSets),
    changes: size.changes,
    firingShare: round(herald.firing / size.changes, 4),
    heraldEvalsPerSecond: Math.round(herald.perSecond),
    heraldPrepareMs: round(herald.prepareMs, 1),
    baselineEvalsPerSecond: round(baseline.perSecond, 2),
    baselineLoadMs: round(baseline.loadMs, 1),
    baselineSample: sample.length,
    ratio: round(herald.perSecond / baseline.perSecond, 1),
    indexedReferenceEvalsPerSecond: round(traces.referencePerSecond, 1),
    ratioToIndexedReference: round(
      herald.perSecond / traces.referencePerSecond,
      1,
    ),
    decisionsIdentical: mismatches.length === 0,
    decisionMismatches: mismatches.length,
    traceSample: traces.compared,
    tracesIdentical: traces.mismatches === 0,
    peakRssMb: memory.peakRssMb(),
    heraldPeakHeapMb: herald.peakHeapMb,
    baselinePeakHeapMb: baseline.peakHeapMb,
  };
  printSummary(figures);
  console.log(JSON.stringify(figures));

  const failed =
    mismatches.length > 0 ||
    traces.mismatches > 0 ||
    figures.firingShare < MIN_FIRING_SHARE;
  if (failed) process.exitCode = 1;
}

async function runHerald(
  ruleSets: RuleSet[],
  changes: Facts[],
  sample: number[],
  memory: MemoryPeak,
) {
  memory.startPhase();
  const prepareStart = performance.now();
  const index = buildTriggerIndex(ruleSets);
  for (const ruleSet of ruleSets) ruleSetProgramOf(ruleSet);
  const prepareMs = performance.now() - prepareStart;

  const wanted = new Set(sample);
  const decisions = new Map<number, string>();
  let firing = 0;
  const start = performance.now();
  for (let i = 0; i < changes.length; i += 1) {
    const selected = index.select(changes[i].change);
    const evaluation = await evaluateChange(selected, changes[i]);
    if (evaluation.fired.length > 0) firing += 1;

    if (wanted.has(i)) {
      decisions.set(i, evaluation.fired.map(pathKey).sort().join(','));
    }
    if (i % 1000 === 0) memory.sample();
  }
  const seconds = (performance.now() - start) / 1000;
  memory.sample();

  return {
    index,
    decisions,
    firing,
    prepareMs,
    perSecond: changes.length / seconds,
    peakHeapMb: memory.phasePeakHeapMb(),
  };
}

async function runBaseline(
  ruleSets: RuleSet[],
  changes: Facts[],
  sample: number[],
  memory: MemoryPeak,
) {
  memory.startPhase();
  const loadStart = performance.now();
  const baseline = createBaselineEngine(ruleSets);
  const loadMs = performance.now() - loadStart;

  const decisions = new Map<number, string>();
  const start = performance.now();
  for (const [n, i] of sample.entries()) {
    decisions.set(i, (await baseline.firedPaths(changes[i])).join(','));
    if (n % 50 === 0) memory.sample();
  }
  const seconds = (performance.now() - start) / 1000;
  memory.sample();

  return {
    decisions,
    loadMs,
    perSecond: sample.length / seconds,
    peakHeapMb: memory.phasePeakHeapMb(),
  };
}

/** Herald's traces against the reference evaluator's, on the same Rule sets. */
async function compareTraces(
  index: TriggerIndex,
  changes: Facts[],
  sample: number[],
) {
  let mismatches = 0;
  let referenceMs = 0;
  for (const i of sample) {
    const selected = index.select(changes[i].change);
    const herald = await evaluateChange(selected, changes[i]);
    const start = performance.now();
    const reference = await evaluateChange(selected, changes[i], {
      evaluator: 'reference',
    });
    referenceMs += performance.now() - start;
    if (JSON.stringify(herald) !== JSON.stringify(reference)) mismatches += 1;
  }

  return {
    compared: sample.length,
    mismatches,
    referencePerSecond: sample.length / (referenceMs / 1000),
  };
}

function printSummary(figures: Record<string, unknown>): void {
  report(`firing: ${figures.firingShare} of changes fire at least one path`);
  report(`herald: ${figures.heraldEvalsPerSecond} evaluations/s (with traces)`);
  report(
    `baseline (one json-rules-engine Engine): ${figures.baselineEvalsPerSecond} evaluations/s on ${figures.baselineSample} changes`,
  );
  report(`ratio: ${figures.ratio}x`);
  report(
    `reference evaluator behind the trigger index: ${figures.indexedReferenceEvalsPerSecond} evaluations/s (herald is ${figures.ratioToIndexedReference}x)`,
  );
  report(
    `memory: peak rss ${figures.peakRssMb} MB, peak heap herald ${figures.heraldPeakHeapMb} MB, baseline ${figures.baselinePeakHeapMb} MB`,
  );
  report(
    `decisions identical: ${figures.decisionsIdentical} (${figures.decisionMismatches} mismatches); traces identical on ${figures.traceSample}: ${figures.tracesIdentical}`,
  );
}

function sampleIndexes(total: number, count: number): number[] {
  const step = total / Math.min(count, total);
  return Array.from({ length: Math.min(count, total) }, (_, n) =>
    Math.floor(n * step),
  );
}

function countRules(ruleSets: RuleSet[]): number {
  return ruleSets.reduce((sum, ruleSet) => sum + ruleSet.rules.length, 0);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function report(line: string): void {
  console.log(line);
}

await main();
