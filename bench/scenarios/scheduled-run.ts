import { type LatencySummary, summarize } from '../percentiles';
import { atMonotonic, type CpuUsage, cpuUsed, readCpu } from '../process-stats';
import { dueNs, type Schedule } from '../schedule';
import type { RunningTarget } from '../targets/target';
import type { ClientWorker } from '../worker-pool';
import type { ClientSpec, Endpoint, TextSummary, WorkerReport } from '../worker-protocol';

/** Time for the schedule to reach every worker before the first edit is due. */
const START_LEAD_MS = 500;
/** How long after the last due edit deliveries may still arrive before they count as missing. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Allowance on top of a worker call's own timeout before the coordinator gives up on it. */
export const CALL_MARGIN_MS = 30_000;

/**
 * Opens the clients, each in the worker `workerOf` says (by default
 * `index mod workers`, so consecutive clients sit in different processes),
 * and resolves once every one has synced; answers the time that took, in ms.
 */
export async function connectClients(
  workers: ClientWorker[],
  endpoint: Endpoint,
  specs: ClientSpec[],
  timeoutMs: number,
  workerOf: (spec: ClientSpec) => number = (spec) => spec.index % workers.length,
): Promise<number> {
  const connected = await Promise.all(
    workers.map((worker, w) =>
      worker.call(
        'connect',
        { endpoint, clients: specs.filter((s) => workerOf(s) === w), timeoutMs },
        timeoutMs + CALL_MARGIN_MS,
      ),
    ),
  );
  return Math.max(...connected.map((c) => c.connectMs));
}

export type ScheduleParams = Omit<Schedule, 'startNs'>;

export interface Deliveries {
  /** Every edit (warm-up included) at every client of its document but its sender. */
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  /** Text that was not a record of the client's own document. */
  malformed: number;
  /** Client sockets that closed during the run. */
  disconnects: number;
}

export interface ScheduledRun {
  schedule: Schedule;
  /** Change-to-arrival time at every other client of the document, over the measured edits, in ms. */
  latencies: Float64Array;
  /** The edit of each latency. */
  latencyEdits: Uint32Array;
  sendLagMs: LatencySummary;
  deliveries: Deliveries;
  /** Whether the clients of each document ended with the same text. */
  converged: boolean;
  /** CPU time from the first measured edit's due time to the last edit's. */
  cpu: CpuUsage;
  reports: WorkerReport[];
}

/**
 * Plays a schedule on clients that are already connected: every worker makes
 * its clients' edits, then waits for every delivery, and reports.
 */
export async function runSchedule(server: RunningTarget, workers: ClientWorker[], params: ScheduleParams): Promise<ScheduledRun> {
  const schedule: Schedule = { ...params, startNs: process.hrtime.bigint() + BigInt(START_LEAD_MS * 1e6) };
  const workerPids = workers.map((w) => w.pid);
  const cpuAtStart = atMonotonic(dueNs(schedule, schedule.firstMeasuredEdit), () => readCpu(server, workerPids));
  const windowEndNs = dueNs(schedule, schedule.totalEdits);
  const cpuAtEnd = atMonotonic(windowEndNs, () => readCpu(server, workerPids));

  const runMs = Number(windowEndNs - process.hrtime.bigint()) / 1e6;
  await Promise.all(workers.map((worker) => worker.call('run', { schedule }, runMs + CALL_MARGIN_MS)));
  const reports = await Promise.all(
    workers.map((worker) => worker.call('collect', { timeoutMs: DRAIN_TIMEOUT_MS }, DRAIN_TIMEOUT_MS + CALL_MARGIN_MS)),
  );
  return {
    schedule,
    latencies: concat(reports.map((r) => r.latenciesMs), Float64Array),
    latencyEdits: concat(reports.map((r) => r.latencyEdits), Uint32Array),
    sendLagMs: summarize(concat(reports.map((r) => r.sendLagMs), Float64Array)),
    deliveries: countDeliveries(reports),
    converged: converged(reports.flatMap((r) => r.documents)),
    cpu: cpuUsed(await cpuAtStart, await cpuAtEnd),
    reports,
  };
}

/** Whether every document's clients hold the same text. */
export function converged(texts: TextSummary[]): boolean {
  const byDocument = new Map<string, string>();
  for (const { documentId, sha1 } of texts) {
    if ((byDocument.get(documentId) ?? sha1) !== sha1) return false;
    byDocument.set(documentId, sha1);
  }
  return true;
}

function countDeliveries(reports: WorkerReport[]): Deliveries {
  const sum = (pick: (r: WorkerReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const expected = sum((r) => r.expected);
  const delivered = sum((r) => r.delivered);
  return {
    expected,
    delivered,
    missing: expected - delivered,
    duplicates: sum((r) => r.duplicates),
    malformed: sum((r) => r.malformed),
    disconnects: sum((r) => r.disconnects),
  };
}

export function concat<A extends Float64Array | Uint32Array>(parts: A[], Kind: new (length: number) => A): A {
  const all = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}
