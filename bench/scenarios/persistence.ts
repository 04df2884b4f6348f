import { type LatencySummary, summarize } from '../percentiles';
import { atMonotonic, cpuUsed, readCpu, readMemory } from '../process-stats';
import { makeStorageDir } from '../targets/storage';
import { createDocuments, type Durability, type StartOptions, type Target, withServer } from '../targets/target';
import { withWorkerPool } from '../worker-pool';
import { CALL_MARGIN_MS, concat, connectClients } from './scheduled-run';

export interface PersistenceParams {
  /** Documents, each with one writer and one observer. */
  documents: number;
  /** Edits each writer keeps on their way: sent, and not yet seen by the observer. */
  window: number;
  seconds: number;
  warmupSeconds: number;
  workers: number;
}

/** The run's shape besides its length: ten documents, eight edits in flight on each. */
export const PERSISTENCE_SHAPE = { documents: 10, window: 8, warmupSeconds: 2 } as const;

export interface PersistenceResult {
  scenario: 'persistence';
  target: string;
  params: PersistenceParams;
  durability: Durability;
  /** Edits that reached another client per second of the measured window: what the server accepted. */
  acceptedPerSecond: number;
  /** From a writer's edit to its arrival at the observer, in ms. */
  latencyMs: LatencySummary;
  /** Every edit sent, and received by an observer, warm-up and drain included. */
  sent: number;
  observed: number;
  duplicates: number;
  malformed: number;
  disconnects: number;
  /** After SIGKILL with the clients still connected and a restart: the accepted edits found again, and those lost. */
  afterKill: { accepted: number; restored: number; lost: number };
  /** CPU and memory summed over the server's processes. */
  server: {
    pids: readonly number[];
    cpuSeconds: number;
    cpuPercent: number;
    /** CPU time over the window of the services it runs on (PostgreSQL and Redis, for ensemble-2), in s; null for a server without. */
    supportCpuSeconds: number | null;
    rssEndBytes: number;
    stderr: string;
  };
  clientWorkers: { pid: number; cpuSeconds: number; eventLoopDelayMs: { p99: number; max: number } }[];
  windowSeconds: number;
  otherCpuSeconds: number;
}

const CONNECT_TIMEOUT_MS = 30_000;
const START_LEAD_MS = 500;
const DRAIN_TIMEOUT_MS = 10_000;
const LOAD_SETTLE_MS = 2000;
const LOAD_TIMEOUT_MS = 30_000;

/**
 * Persistence throughput: on each document one writer keeps a few edits on
 * their way and one observer receives them; an edit counts as accepted when
 * the observer has it, so the rate is bounded by what the server does
 * between receiving and relaying, storage included where the server stores
 * first. Then the server is killed (SIGKILL, clients still connected),
 * restarted on its storage, and each document loaded again, to count the
 * accepted edits it kept.
 */
export async function runPersistence(target: Target, params: PersistenceParams, startOptions: StartOptions = {}): Promise<PersistenceResult> {
  const storage = makeStorageDir(`${target.name}-persistence`);
  const options = { ...startOptions, storageDir: storage.path };
  try {
    const measured = await withServer(target, options, async (server) => {
      const documents = await createDocuments(server, params.documents, 'bench persistence');
      const endpoint = { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders: documents[0]!.wsHeaders };
      return withWorkerPool(params.workers, async (workers) => {
        // Observer 2d and writer 2d + 1 of document d share a process: the observer releases the writer's window.
        const specs = documents.flatMap((d, i) => [0, 1].map((k) => ({ index: 2 * i + k, documentId: d.documentId })));
        await connectClients(workers, endpoint, specs, CONNECT_TIMEOUT_MS, (s) => Math.floor(s.index / 2) % workers.length);

        const measureFromNs = process.hrtime.bigint() + BigInt(Math.round((START_LEAD_MS + params.warmupSeconds * 1000) * 1e6));
        const endNs = measureFromNs + BigInt(Math.round(params.seconds * 1e9));
        const pids = workers.map((w) => w.pid);
        const cpuAtStart = atMonotonic(measureFromNs, () => readCpu(server, pids));
        const cpuAtEnd = atMonotonic(endNs, () => readCpu(server, pids));
        const runMs = Number(endNs - process.hrtime.bigint()) / 1e6;
        const reports = await Promise.all(
          workers.map((worker) =>
            worker.call(
              'saturate',
              { window: params.window, measureFromNs, endNs, drainTimeoutMs: DRAIN_TIMEOUT_MS },
              runMs + DRAIN_TIMEOUT_MS + CALL_MARGIN_MS,
            ),
          ),
        );
        const rssEndBytes = readMemory(server.pids).rssBytes;
        const stderr = server.stderr();
        // A crash with the clients still connected: nothing gets a chance to store what it holds.
        await server.kill();
        return {
          reports,
          cpu: cpuUsed(await cpuAtStart, await cpuAtEnd),
          rssEndBytes,
          stderr,
          serverPids: server.pids,
          hasSupport: server.supportPids !== undefined,
          workerPids: pids,
          wsHeaders: endpoint.wsHeaders,
        };
      });
    });

    const observerTexts = measured.reports.flatMap((r) => r.documents);
    const restored = await withServer(target, options, (server) =>
      withWorkerPool(1, ([worker]) =>
        worker!.call(
          'load',
          {
            endpoint: { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders: measured.wsHeaders },
            documents: observerTexts.map((t) => ({ documentId: t.documentId, expectedLength: t.length })),
            settleMs: LOAD_SETTLE_MS,
            timeoutMs: LOAD_TIMEOUT_MS,
          },
          LOAD_TIMEOUT_MS + CALL_MARGIN_MS,
        ),
      ),
    );
    const restoredByDocument = new Map(restored.map((r) => [r.documentId, r.recordsByClient]));
    const writerDocument = new Map(observerTexts.map((t) => [t.client + 1, t.documentId]));
    let accepted = 0;
    let kept = 0;
    for (const report of measured.reports) {
      for (const [writer, count] of Object.entries(report.observedByWriter)) {
        const found = restoredByDocument.get(writerDocument.get(Number(writer))!)?.[Number(writer)] ?? 0;
        accepted += count;
        kept += Math.min(count, found);
      }
    }

    const sum = (pick: (r: (typeof measured.reports)[number]) => number) => measured.reports.reduce((n, r) => n + pick(r), 0);
    return {
      scenario: 'persistence',
      target: target.name,
      params,
      durability: target.durability,
      acceptedPerSecond: sum((r) => r.acceptedInWindow) / params.seconds,
      latencyMs: summarize(concat(measured.reports.map((r) => r.latenciesMs), Float64Array)),
      sent: sum((r) => r.sent),
      observed: sum((r) => r.observed),
      duplicates: sum((r) => r.duplicates),
      malformed: sum((r) => r.malformed),
      disconnects: sum((r) => r.disconnects),
      afterKill: { accepted, restored: kept, lost: accepted - kept },
      server: {
        pids: measured.serverPids,
        cpuSeconds: measured.cpu.server,
        cpuPercent: (100 * measured.cpu.server) / params.seconds,
        supportCpuSeconds: measured.hasSupport ? measured.cpu.support : null,
        rssEndBytes: measured.rssEndBytes,
        stderr: measured.stderr,
      },
      clientWorkers: measured.reports.map((r, w) => ({
        pid: measured.workerPids[w]!,
        cpuSeconds: measured.cpu.workers[w]!,
        eventLoopDelayMs: r.eventLoopDelayMs,
      })),
      windowSeconds: params.seconds,
      otherCpuSeconds: measured.cpu.other,
    };
  } finally {
    storage.release();
  }
}
