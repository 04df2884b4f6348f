import { setTimeout as sleep } from 'node:timers/promises';
import { type LatencySummary, summarize } from '../percentiles';
import { cpuUsed, readCpu, readMemory } from '../process-stats';
import { makeStorageDir } from '../targets/storage';
import { createDocuments, type DocumentAccess, type RunningTarget, type StartOptions, type Target, withServer } from '../targets/target';
import { withWorkerPool } from '../worker-pool';
import { connectClients, type Deliveries, runSchedule } from './scheduled-run';

export interface ManyDocumentsParams {
  documents: number;
  /** Clients on each document. */
  clientsPerDocument: number;
  /** Edits each document receives, spread evenly over `editSeconds`. */
  editsPerDocument: number;
  editSeconds: number;
  /** Quiet time after the edits, in s, over which idle CPU is read and at whose end memory is. */
  idleSeconds: number;
  workers: number;
}

/** The run's shape besides the document count: a few edits per document, a quiet spell. */
export const MANY_DOCUMENTS_SHAPE = { clientsPerDocument: 2, editsPerDocument: 5, editSeconds: 5, idleSeconds: 5 } as const;

export interface ManyDocumentsResult {
  scenario: 'many-documents';
  target: string;
  params: ManyDocumentsParams;
  server: {
    /** The server's processes (two for a target of two instances); CPU and memory are summed over them. */
    pids: readonly number[];
    /** Resident memory, in bytes: freshly started on storage holding the documents, none open; every client synced; after the edits and the idle time; highest. */
    rssBaselineBytes: number;
    rssConnectedBytes: number;
    rssLoadedBytes: number;
    rssPeakBytes: number;
    /** (loaded − baseline) / documents: what one open document with its clients and content costs, in bytes. */
    rssPerDocumentBytes: number;
    /** CPU time, in s, to connect and sync every client; over the edits; over the idle time. */
    cpuSeconds: { connect: number; edits: number; idle: number };
    stderr: string;
  };
  /** Change-to-arrival time of the edits at the other client of their document, in ms. */
  latencyMs: LatencySummary;
  deliveries: Deliveries;
  converged: boolean;
  connectMs: number;
  /** Length of the window the disturbance check covers (connect to end of idle), in s, and other processes' CPU over it. */
  windowSeconds: number;
  otherCpuSeconds: number;
}

const CONNECT_TIMEOUT_MS = 120_000;
/** Time for the server to settle after its start, before its baseline memory is read. */
const SETTLE_MS = 1000;

/**
 * Many documents: N documents with two clients each, every document edited a
 * little, then left open and quiet. What the server's memory and CPU time
 * come to for that many open documents. Documents that must be created
 * through an API are created on a first start of the server, which then
 * restarts on that storage: the baseline holds no garbage of N requests.
 */
export async function runManyDocuments(target: Target, params: ManyDocumentsParams, startOptions: StartOptions = {}): Promise<ManyDocumentsResult> {
  const storage = makeStorageDir(`${target.name}-many`);
  const options = { ...startOptions, storageDir: storage.path };
  try {
    const documents = await withServer(target, options, (server) => createDocuments(server, params.documents, 'bench many'));
    return await withServer(target, options, (server) => measure(target, server, documents, params));
  } finally {
    storage.release();
  }
}

function measure(
  target: Target,
  server: RunningTarget,
  documents: DocumentAccess[],
  params: ManyDocumentsParams,
): Promise<ManyDocumentsResult> {
  return withWorkerPool(params.workers, async (workers) => {
    await sleep(SETTLE_MS);
    const workerPids = workers.map((w) => w.pid);
    const rssBaseline = readMemory(server.pids).rssBytes;
    const cpu0 = readCpu(server, workerPids);
    const startedAt = performance.now();

    const clients = params.documents * params.clientsPerDocument;
    const specs = Array.from({ length: clients }, (_, index) => ({
      index,
      documentId: documents[Math.floor(index / params.clientsPerDocument)]!.documentId,
    }));
    const endpoint = { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders: documents[0]!.wsHeaders };
    const connectMs = await connectClients(workers, endpoint, specs, CONNECT_TIMEOUT_MS);
    const cpu1 = readCpu(server, workerPids);
    const rssConnected = readMemory(server.pids).rssBytes;

    const totalEdits = params.documents * params.editsPerDocument;
    const run = await runSchedule(server, workers, {
      rate: totalEdits / params.editSeconds,
      clients,
      groupSize: params.clientsPerDocument,
      totalEdits,
      firstMeasuredEdit: 0,
    });
    const cpu2 = readCpu(server, workerPids);
    await sleep(params.idleSeconds * 1000);
    const cpu3 = readCpu(server, workerPids);
    const memory = readMemory(server.pids);

    const windowSeconds = (performance.now() - startedAt) / 1000;
    return {
      scenario: 'many-documents',
      target: target.name,
      params,
      server: {
        pids: server.pids,
        rssBaselineBytes: rssBaseline,
        rssConnectedBytes: rssConnected,
        rssLoadedBytes: memory.rssBytes,
        rssPeakBytes: memory.peakRssBytes,
        rssPerDocumentBytes: (memory.rssBytes - rssBaseline) / params.documents,
        cpuSeconds: { connect: cpuUsed(cpu0, cpu1).server, edits: cpuUsed(cpu1, cpu2).server, idle: cpuUsed(cpu2, cpu3).server },
        stderr: server.stderr(),
      },
      latencyMs: summarize(run.latencies),
      deliveries: run.deliveries,
      converged: run.converged,
      connectMs,
      windowSeconds,
      otherCpuSeconds: cpuUsed(cpu0, cpu3).other,
    };
  });
}
