import { type LatencySummary, summarize } from '../percentiles';
import { readMemory } from '../process-stats';
import { type StartOptions, type Target, withServer } from '../targets/target';
import { withWorkerPool } from '../worker-pool';
import { connectClients, type Deliveries, runSchedule } from './scheduled-run';

export interface FanOutParams {
  /** Clients on the one document. */
  clients: number;
  /** Edits per second, all clients together, made round-robin. */
  rate: number;
  /** Length of the measured window, in s. */
  seconds: number;
  /** Edits at the same rate before the measured window, in s; delivered and checked, not timed (see `fanOutWarmupSeconds`). */
  warmupSeconds: number;
  /** Processes the clients are spread over (none of them the server's). */
  workers: number;
}

/**
 * Edits every client makes before the window opens. Until each has written,
 * every receiver meets a new writer with each edit, and Yjs's cost per
 * transaction grows with the writers a document has had: with a 3 s warm-up
 * at 50 edits/s, the 200-client window opened on the 150th writer, and its
 * first seconds measured the clients settling, on every server alike.
 */
const WARM_UP_EDITS_PER_CLIENT = 2;

/** The warm-up a fan-out of `clients` at `rate` runs: `requested` seconds, or longer for every client's first edits. */
export function fanOutWarmupSeconds(requested: number, clients: number, rate: number): number {
  return Math.max(requested, (WARM_UP_EDITS_PER_CLIENT * clients) / rate);
}

/** The first goal set for Ensemble: 50 clients at 100 edits/s with p99 under 50 ms. */
export const FAN_OUT_GOAL = { clients: 50, rate: 100, p99Ms: 50 } as const;

export interface FanOutResult {
  scenario: 'fan-out';
  target: string;
  params: FanOutParams;
  /** Edits made in the measured window. */
  measuredEdits: number;
  /** Change-to-arrival time at every other client, over the measured window, in ms. */
  latencyMs: LatencySummary;
  /** The same, second by second of the window (by the edits' due times), to show stalls. */
  latencyPerSecondMs: LatencySummary[];
  /** How late edits were sent against their due time, in ms: high values mean the clients could not keep up. */
  sendLagMs: LatencySummary;
  deliveries: Deliveries;
  /** Whether every client ended with the same text. */
  converged: boolean;
  server: {
    /** The server's processes (two for a target of two instances); CPU and memory are summed over them. */
    pids: readonly number[];
    /** CPU time over the measured window, in s, and as a share of one core. */
    cpuSeconds: number;
    cpuPercent: number;
    /** CPU time over the window of the services it runs on (PostgreSQL and Redis, for ensemble-2), in s; null for a server without. */
    supportCpuSeconds: number | null;
    /** Resident memory once the clients had synced, at its highest since the server started, and at the end, in bytes. */
    rssConnectedBytes: number;
    rssPeakBytes: number;
    rssEndBytes: number;
    /** What the server wrote to stderr: warnings and errors. */
    stderr: string;
  };
  /** Each client process: CPU time over the measured window, in s, and its event-loop delay. */
  clientWorkers: { pid: number; clients: number; cpuSeconds: number; eventLoopDelayMs: { p99: number; max: number } }[];
  /** Length of the window the CPU figures cover, in s. */
  windowSeconds: number;
  /**
   * CPU time over the measured window, in s, of everything else on the machine
   * (this process excluded): anything much above zero competed with the run.
   */
  otherCpuSeconds: number;
  /** Time until every client had connected and synced, in ms. */
  connectMs: number;
}

const CONNECT_TIMEOUT_MS = 60_000;

/**
 * Fan-out: N clients on one document, one steady stream of edits from all of
 * them in turn, and the time each edit takes to reach every other client.
 * The target is started fresh for the run and stopped after it.
 */
export function runFanOut(target: Target, params: FanOutParams, startOptions: StartOptions = {}): Promise<FanOutResult> {
  return withServer(target, startOptions, async (server) => {
    const { documentId, wsHeaders } = await server.createDocument('bench fan-out');
    return withWorkerPool(params.workers, async (workers) => {
      const specs = Array.from({ length: params.clients }, (_, index) => ({ index, documentId }));
      const endpoint = { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders };
      const connectMs = await connectClients(workers, endpoint, specs, CONNECT_TIMEOUT_MS);
      const rssConnected = readMemory(server.pids).rssBytes;

      const firstMeasuredEdit = Math.round(params.rate * params.warmupSeconds);
      const run = await runSchedule(server, workers, {
        rate: params.rate,
        clients: params.clients,
        groupSize: params.clients,
        totalEdits: firstMeasuredEdit + Math.round(params.rate * params.seconds),
        firstMeasuredEdit,
      });
      const memory = readMemory(server.pids);
      return {
        scenario: 'fan-out',
        target: target.name,
        params,
        measuredEdits: run.schedule.totalEdits - firstMeasuredEdit,
        latencyMs: summarize(run.latencies),
        latencyPerSecondMs: Array.from({ length: Math.ceil(params.seconds) }, (_, second) =>
          summarize(
            run.latencies.filter((_, i) => Math.floor((run.latencyEdits[i]! - firstMeasuredEdit) / params.rate) === second),
          ),
        ),
        sendLagMs: run.sendLagMs,
        deliveries: run.deliveries,
        converged: run.converged,
        server: {
          pids: server.pids,
          cpuSeconds: run.cpu.server,
          cpuPercent: (100 * run.cpu.server) / params.seconds,
          supportCpuSeconds: server.supportPids ? run.cpu.support : null,
          rssConnectedBytes: rssConnected,
          rssPeakBytes: memory.peakRssBytes,
          rssEndBytes: memory.rssBytes,
          stderr: server.stderr(),
        },
        clientWorkers: run.reports.map((r, w) => ({
          pid: workers[w]!.pid,
          clients: specs.filter((s) => s.index % workers.length === w).length,
          cpuSeconds: run.cpu.workers[w]!,
          eventLoopDelayMs: r.eventLoopDelayMs,
        })),
        windowSeconds: params.seconds,
        otherCpuSeconds: run.cpu.other,
        connectMs,
      };
    });
  });
}
