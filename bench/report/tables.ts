import { median } from '../percentiles';
import type { ColdLoadResult } from '../scenarios/cold-load';
import type { FanOutResult } from '../scenarios/fan-out';
import type { ManyDocumentsResult } from '../scenarios/many-documents';
import type { PersistenceResult } from '../scenarios/persistence';
import { fixed, markdownTable, MB, plainTable } from './format';
import type { GoalCheck } from './goals';
import type { RunResult } from './problems';

/**
 * One Markdown table per scenario, a column per target, so the servers read
 * side by side; the same text goes to the terminal and to the README.
 */
export function formatSideBySide(results: RunResult[]): string {
  const targets = [...new Set(results.map((r) => r.target))];
  const tables: string[] = [];
  const of = <S extends RunResult['scenario']>(scenario: S) =>
    results.filter((r): r is Extract<RunResult, { scenario: S }> => r.scenario === scenario);
  const fanOut = of('fan-out');
  if (fanOut.length > 0) tables.push(fanOutTable(fanOut, targets));
  const many = of('many-documents');
  if (many.length > 0) tables.push(manyDocumentsTable(many, targets));
  const cold = of('cold-load');
  if (cold.length > 0) tables.push(coldLoadTable(cold, targets));
  const persistence = of('persistence');
  if (persistence.length > 0) tables.push(persistenceTable(persistence, targets));
  return tables.join('\n\n');
}

type Row<R> = [label: string, cell: (r: R) => string];

/** Rows of figures, one group of rows per value of `key` (client count, documents…). */
function sideBySide<R extends RunResult>(title: string, runs: R[], targets: string[], key: (r: R) => number, rows: (k: number) => Row<R>[]): string {
  const keys = [...new Set(runs.map(key))];
  const body = keys.flatMap((k) =>
    rows(k).map(([label, cell]) => [
      label,
      ...targets.map((t) => {
        const run = runs.find((r) => r.target === t && key(r) === k);
        return run ? cell(run) : '-';
      }),
    ]),
  );
  return markdownTable([title, ...targets], body);
}

const slash = (...values: (number | null)[]) => values.map((v) => fixed(v)).join(' / ');

function fanOutTable(runs: FanOutResult[], targets: string[]): string {
  return sideBySide(`fan-out, ${runs[0]!.params.rate} edits/s`, runs, targets, (r) => r.params.clients, (clients) => [
    [`${clients} clients: p50 / p95 / p99 / max ms`, (r) => slash(r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.latencyMs.max)],
    [`${clients} clients: server CPU %, RSS MB`, (r) => `${fixed(r.server.cpuPercent, 0)} %, ${fixed(r.server.rssEndBytes / MB, 0)} MB`],
    [`${clients} clients: PostgreSQL + Redis CPU %`, (r) => supportPercent(r.server.supportCpuSeconds, r.params.seconds)],
  ]);
}

function manyDocumentsTable(runs: ManyDocumentsResult[], targets: string[]): string {
  const { clientsPerDocument, editsPerDocument } = runs[0]!.params;
  const title = `many documents, ${clientsPerDocument} clients and ${editsPerDocument} edits each`;
  return sideBySide(title, runs, targets, (r) => r.params.documents, (documents) => [
    [`${documents} documents: RSS before → loaded MB`, (r) => `${fixed(r.server.rssBaselineBytes / MB, 0)} → ${fixed(r.server.rssLoadedBytes / MB, 0)}`],
    [`${documents} documents: RSS per document KB`, (r) => fixed(r.server.rssPerDocumentBytes / 1024)],
    [`${documents} documents: CPU s connect / edits / idle`, (r) => `${fixed(r.server.cpuSeconds.connect, 2)} / ${fixed(r.server.cpuSeconds.edits, 2)} / ${fixed(r.server.cpuSeconds.idle, 2)}`],
  ]);
}

function coldLoadTable(runs: ColdLoadResult[], targets: string[]): string {
  const { updates, restarts } = runs[0]!.params;
  return sideBySide(`cold load, ${updates} updates, ${restarts} restarts`, runs, targets, () => 0, () => [
    ['stored KB', (r) => fixed(r.storedBytes / 1024, 0)],
    ['server start ms, median', (r) => fixed(medianOf(r.restarts.map((x) => x.startMs)), 0)],
    ['new client synced ms, first / median', (r) => slash(r.restarts[0]?.load.syncedMs ?? null, medianOf(r.restarts.map((x) => x.load.syncedMs)))],
    ['whole document ms, first / median', (r) => slash(r.completeMs.first, r.completeMs.median)],
    ['server CPU s per load, median', (r) => fixed(medianOf(r.restarts.map((x) => x.serverCpuSeconds)), 2)],
  ]);
}

function persistenceTable(runs: PersistenceResult[], targets: string[]): string {
  const { documents, window } = runs[0]!.params;
  return sideBySide(`persistence, ${documents} documents, ${window} edits in flight each`, runs, targets, () => 0, () => [
    ['accepted updates/s', (r) => fixed(r.acceptedPerSecond, 0)],
    ['edit to other client p50 / p99 ms', (r) => slash(r.latencyMs.p50, r.latencyMs.p99)],
    ['stored before broadcast', (r) => (r.durability.storedBeforeBroadcast ? 'yes' : 'no')],
    ['accepted edits lost to kill -9', (r) => `${r.afterKill.lost} of ${r.afterKill.accepted}`],
    ['server CPU %', (r) => fixed(r.server.cpuPercent, 0)],
    ['server CPU µs per accepted update', (r) => fixed((1e6 * r.server.cpuSeconds) / (r.acceptedPerSecond * r.params.seconds), 0)],
    ['PostgreSQL + Redis CPU %', (r) => supportPercent(r.server.supportCpuSeconds, r.params.seconds)],
  ]);
}

/** The CPU of a server's own PostgreSQL and Redis, as a share of one core; '-' for a server without. */
const supportPercent = (seconds: number | null, windowSeconds: number) => (seconds === null ? '-' : `${fixed((100 * seconds) / windowSeconds, 0)} %`);

export function formatGoals(goals: GoalCheck[]): string {
  const value = (v: number | null, unit: string) => (v === null ? '-' : unit === 'bytes' ? `${fixed(v / 1024)} KB` : `${fixed(v)} ${unit}`);
  return markdownTable(
    ['goal', 'ensemble', 'held against', 'ratio', 'met'],
    goals.map((g) => [
      g.goal,
      value(g.ensemble, g.unit),
      g.peer ? `${g.peer.target} ${value(g.peer.value, g.unit)}` : '-',
      g.ratio === null ? '-' : `${g.ratio.toFixed(2)}×`,
      g.met === null ? 'not measured' : g.met ? 'met' : 'MISSED',
    ]),
  );
}

/** Every figure of each fan-out run, one row per run. */
export function formatFanOutDetails(results: FanOutResult[]): string {
  const header = [
    'target', 'clients', 'edits/s', 'edits', 'deliveries', 'missing',
    'p50 ms', 'p95 ms', 'p99 ms', 'max ms',
    'srv CPU s', 'srv CPU %', 'RSS conn MB', 'RSS peak MB', 'RSS end MB',
    'client CPU s', 'client loop p99 ms', 'send lag p99 ms', 'other CPU s',
  ];
  const rows = results.map((r) => [
    r.target,
    String(r.params.clients),
    String(r.params.rate),
    String(r.measuredEdits),
    String(r.latencyMs.count),
    String(r.deliveries.missing),
    fixed(r.latencyMs.p50),
    fixed(r.latencyMs.p95),
    fixed(r.latencyMs.p99),
    fixed(r.latencyMs.max),
    fixed(r.server.cpuSeconds, 2),
    fixed(r.server.cpuPercent, 0),
    fixed(r.server.rssConnectedBytes / MB, 0),
    fixed(r.server.rssPeakBytes / MB, 0),
    fixed(r.server.rssEndBytes / MB, 0),
    r.clientWorkers.map((w) => fixed(w.cpuSeconds)).join('+'),
    r.clientWorkers.map((w) => fixed(w.eventLoopDelayMs.p99)).join('/'),
    fixed(r.sendLagMs.p99),
    fixed(r.otherCpuSeconds),
  ]);
  return plainTable(header, rows);
}

/** The p99 of each second of each fan-out run, to tell a steady run from one with stalls. */
export function formatPerSecond(results: FanOutResult[]): string {
  return results
    .map((r) => `${r.target}, ${r.params.clients} clients, p99 ms by second: ${r.latencyPerSecondMs.map((s) => fixed(s.p99)).join(' ')}`)
    .join('\n');
}

/** The median, or null if a value is missing. */
function medianOf(values: (number | null)[]): number | null {
  return values.includes(null) ? null : median(values as number[]);
}
