/**
 * `npm run bench`: runs each scenario against each target in turn, every
 * server in its own process and driven from client-worker processes, then
 * prints and saves what it measured. This process only orchestrates and
 * aggregates; see bench/README.md.
 */
import fs from 'node:fs';
import { cleanUpNow } from './lifetime';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { waitForQuiet } from './quiet';
import { fanOutChart } from './report/chart';
import { fixed } from './report/format';
import { checkGoals } from './report/goals';
import { describeMachine, type Machine } from './report/machine';
import { findClientLimits, findDisturbances, findFaults, type RunResult } from './report/problems';
import { type ResultFile, writeResultFiles } from './report/result-file';
import { formatFanOutDetails, formatGoals, formatPerSecond, formatSideBySide } from './report/tables';
import { COLD_LOAD_BUILD_RATE, runColdLoad } from './scenarios/cold-load';
import { fanOutWarmupSeconds, runFanOut } from './scenarios/fan-out';
import { MANY_DOCUMENTS_SHAPE, runManyDocuments } from './scenarios/many-documents';
import { PERSISTENCE_SHAPE, runPersistence } from './scenarios/persistence';
import { ensembleNormalTarget, ensembleTarget } from './targets/ensemble';
import { ensembleClusterTarget } from './targets/ensemble-cluster';
import { hocuspocusTarget } from './targets/hocuspocus';
import type { StartOptions, Target } from './targets/target';
import { yWebsocketTargets } from './targets/y-websocket';

const TARGETS: Record<string, Target> = Object.fromEntries(
  [ensembleTarget, ensembleNormalTarget, ensembleClusterTarget, hocuspocusTarget, ...yWebsocketTargets].map((t) => [t.name, t]),
);

/** Setup, drain and teardown allowance per run on top of its own length, after which the bench gives up. */
const RUN_OVERHEAD_S = 120;
/** Longest wait for a quiet machine before each attempt. */
const QUIET_WAIT_MS = 15_000;

interface PlannedRun {
  label: string;
  /** The same setting on the same target: its rounds. */
  group: string;
  round: number;
  /** Seconds the run's own edits and waits take, setup aside. */
  lengthS: number;
  run(): Promise<RunResult>;
}

/**
 * Every run, scenario by scenario; within a scenario each setting runs on
 * every target before the next, so drift in the machine's load spreads over
 * all. Fan-out and many documents run `rounds` times, every target once per
 * round: on two cores one run's figures follow how the clients happened to be
 * scheduled (a 200-client fan-out p99 of 37 ms in one run and 108 ms in
 * another for the same server).
 */
function plan(options: BenchOptions, targets: Target[], start: StartOptions): PlannedRun[] {
  const runs: PlannedRun[] = [];
  const each = (label: string, lengthS: number, run: (target: Target) => Promise<RunResult>, rounds = 1) => {
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        const group = `${label}, ${target.name}`;
        runs.push({ label: rounds > 1 ? `${group}, round ${round}` : group, group, round, lengthS, run: () => run(target) });
      }
    }
  };
  const { workers } = options;
  for (const scenario of options.scenarios) {
    if (scenario === 'fan-out') {
      for (const clients of options.clients) {
        const warmupSeconds = fanOutWarmupSeconds(options.warmupSeconds, clients, options.rate);
        const params = { clients, rate: options.rate, seconds: options.seconds, warmupSeconds, workers };
        each(`fan-out, ${clients} clients`, options.seconds + warmupSeconds, (t) => runFanOut(t, params, start), options.rounds);
      }
    } else if (scenario === 'many-documents') {
      for (const documents of options.documents) {
        const params = { ...MANY_DOCUMENTS_SHAPE, documents, workers };
        each(
          `many documents, ${documents}`,
          params.editSeconds + params.idleSeconds,
          (t) => runManyDocuments(t, params, start),
          options.rounds,
        );
      }
    } else if (scenario === 'cold-load') {
      const params = { updates: options.updates, buildRate: COLD_LOAD_BUILD_RATE, restarts: options.restarts };
      each(`cold load, ${options.updates} updates`, options.updates / COLD_LOAD_BUILD_RATE + 10 * options.restarts, (t) =>
        runColdLoad(t, params, start),
      );
    } else {
      const params = { ...PERSISTENCE_SHAPE, seconds: options.persistSeconds, workers };
      each('persistence', params.warmupSeconds + params.seconds, (t) => runPersistence(t, params, start));
    }
  }
  return runs;
}

interface Kept {
  result: RunResult;
  attempts: number;
  disturbances: string[];
  group: string;
  round: number;
}

/** Runs once, and again while the machine disturbed it and retries are left; keeps the least disturbed attempt. */
async function runWithRetries(planned: PlannedRun, machine: Machine, retries: number): Promise<Kept> {
  let kept: Pick<Kept, 'result' | 'disturbances'> | null = null;
  const load = (k: Pick<Kept, 'result' | 'disturbances'>) => k.disturbances.length * 1e6 + k.result.otherCpuSeconds / Math.max(k.result.windowSeconds, 1e-3);
  let attempts = 0;
  while (attempts <= retries) {
    attempts++;
    await waitForQuiet(machine.cpus, QUIET_WAIT_MS);
    const result = await planned.run();
    const tried = { result, disturbances: findDisturbances(result, machine) };
    if (!kept || load(tried) < load(kept)) kept = tried;
    if (tried.disturbances.length === 0) break;
    if (attempts <= retries) process.stdout.write(` (disturbed: ${headline(result)}; again)`);
  }
  return { ...kept!, attempts, group: planned.group, round: planned.round };
}

/** What a run is summed up by, to pick the median of its rounds. */
function headlineValue(result: RunResult): number {
  switch (result.scenario) {
    case 'fan-out':
      return result.latencyMs.p99;
    case 'many-documents':
      return result.server.rssPerDocumentBytes;
    case 'cold-load':
      // A restart that never fully loaded ranks last.
      return result.completeMs.median ?? Number.POSITIVE_INFINITY;
    case 'persistence':
      return result.acceptedPerSecond;
  }
}

/**
 * Of each group's rounds, the median by its headline figure (the lower
 * middle of an even count): the runs the tables and goals report, in the
 * order the groups were planned, which is the order of the tables' columns.
 */
function medianRounds(kept: Kept[]): Kept[] {
  const groups = new Map<string, Kept[]>();
  for (const k of kept) groups.set(k.group, [...(groups.get(k.group) ?? []), k]);
  return [...groups.values()].map((rounds) => {
    const sorted = [...rounds].sort((a, b) => headlineValue(a.result) - headlineValue(b.result));
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  });
}

function headline(result: RunResult): string {
  switch (result.scenario) {
    case 'fan-out':
      return `p99 ${fixed(result.latencyMs.p99)} ms`;
    case 'many-documents':
      return `${fixed(result.server.rssPerDocumentBytes / 1024)} KB per document`;
    case 'cold-load':
      return `whole document in ${fixed(result.completeMs.median, 0)} ms`;
    case 'persistence':
      return `${fixed(result.acceptedPerSecond, 0)} updates/s, ${result.afterKill.lost} lost to kill -9`;
  }
}

async function main(options: BenchOptions): Promise<boolean> {
  const targets = options.targets.map((name) => {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown target "${name}"; known: ${Object.keys(TARGETS).join(', ')}`);
    return target;
  });
  const start: StartOptions = {};
  if (options.profileServerDir) {
    fs.mkdirSync(options.profileServerDir, { recursive: true });
    start.nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${options.profileServerDir}`];
  }
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  process.stdout.write(
    `${options.scenarios.join(', ')} on ${targets.map((t) => t.name).join(', ')}; ` +
      `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, clients in ${options.workers} processes\n`,
  );

  const kept: Kept[] = [];
  for (const planned of plan(options, targets, start)) {
    process.stdout.write(`  ${planned.label}…`);
    const run = await runWithRetries(planned, machine, options.retries);
    kept.push(run);
    process.stdout.write(` ${headline(run.result)}\n`);
  }

  const reported = medianRounds(kept);
  const results = reported.map((k) => k.result);
  const goals = checkGoals(results);
  const fanOut = results.filter((r) => r.scenario === 'fan-out');
  process.stdout.write(`\n${formatSideBySide(results)}\n\n${formatGoals(goals)}\n\n`);
  if (fanOut.length > 0) process.stdout.write(`${formatFanOutDetails(fanOut)}\n\n${formatPerSecond(fanOut)}\n\n`);
  for (const k of reported) {
    const rounds = kept.filter((other) => other.group === k.group);
    if (rounds.length > 1) process.stdout.write(`${k.group}: ${rounds.map((r) => headline(r.result)).join('; ')} (round ${k.round} reported)\n`);
  }

  const annotated = kept.map((k) => ({
    ...k.result,
    round: k.round,
    reported: reported.includes(k),
    attempts: k.attempts,
    disturbances: k.disturbances,
    clientLimits: findClientLimits(k.result),
    faults: findFaults(k.result),
  }));
  for (const run of annotated) {
    const label = `${run.scenario}, ${run.target}`;
    for (const problem of [...run.disturbances, ...run.clientLimits, ...run.faults]) process.stdout.write(`! ${label}: ${problem}\n`);
  }
  const file: ResultFile = {
    startedAt,
    machine,
    options,
    targets: Object.fromEntries(targets.map((t) => [t.name, { protocol: t.protocol, durability: t.durability }])),
    goals,
    results: annotated,
  };
  const chart = fanOut.length > 0 ? fanOutChart(fanOut, `Fan-out: change to arrival, ${options.rate} edits/s (${startedAt.slice(0, 10)})`) : null;
  for (const written of writeResultFiles(options.outDir, file, chart)) process.stdout.write(`Saved ${written}\n`);
  return annotated.every((r) => r.disturbances.length === 0 && r.faults.length === 0);
}

let options: BenchOptions | 'help';
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const planned = plan(options, options.targets.map((name) => TARGETS[name] ?? ensembleTarget), {});
const budgetS = planned.reduce((s, r) => s + (r.lengthS + RUN_OVERHEAD_S + QUIET_WAIT_MS / 1000) * (1 + options.retries), 0);
const watchdog = setTimeout(() => {
  process.stderr.write(`The benchmark did not finish within ${budgetS} s; stopping it.\n`);
  cleanUpNow();
  process.exit(1);
}, budgetS * 1000);

main(options).then(
  (clean) => {
    clearTimeout(watchdog);
    process.exitCode = clean ? 0 : 1;
  },
  (error: unknown) => {
    process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    cleanUpNow();
    process.exit(1);
  },
);
