import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from '../percentiles';
import { premadeDocument } from '../premade-document';
import { cpuUsed, readCpu, readMemory } from '../process-stats';
import { makeStorageDir } from '../targets/storage';
import { type StartOptions, type Target, withServer } from '../targets/target';
import { type ClientWorker, withWorkerPool } from '../worker-pool';
import type { Endpoint, LoadReport } from '../worker-protocol';
import { CALL_MARGIN_MS, connectClients } from './scheduled-run';

export interface ColdLoadParams {
  /** Updates the document is made of, each its own websocket message. */
  updates: number;
  /** Updates per second while the document is built. */
  buildRate: number;
  /** Restarts of the server, each followed by one new client's load. */
  restarts: number;
}

/** Updates per second while the document is built: quick, yet each its own message and its own turn of the server. */
export const COLD_LOAD_BUILD_RATE = 2000;

export interface ColdLoadRestart {
  /** From spawning the server to its ready line, in ms. */
  startMs: number;
  /** The new client's load: first sync and complete text, from opening its provider, in ms. */
  load: LoadReport;
  /** Whether the loaded text is exactly the built one. */
  identical: boolean;
  /** Server CPU time, in s, from ready to the end of the load. */
  serverCpuSeconds: number;
  /** Server resident memory once the document was loaded, in bytes. */
  rssBytes: number;
  /** CPU time other processes used during the load, in s. */
  otherCpuSeconds: number;
  /** What the restarted server wrote to stderr. */
  stderr: string;
}

export interface ColdLoadResult {
  scenario: 'cold-load';
  target: string;
  params: ColdLoadParams;
  document: { length: number; sha1: string };
  /** Updates sent, and whether a client connected during the build then held exactly the document made of them. */
  build: { sent: number; received: boolean };
  /** Bytes of the server's storage folder after the build and a clean stop. */
  storedBytes: number;
  restarts: ColdLoadRestart[];
  /** Complete-load time of the first restart and the median of all, in ms; null if a load never completed. */
  completeMs: { first: number | null; median: number | null };
  server: { stderr: string };
  /** Summed over the loads, the window the disturbance check covers, in s. */
  windowSeconds: number;
  otherCpuSeconds: number;
}

const CONNECT_TIMEOUT_MS = 30_000;
/** How long a server may take to store what it has once the last client has left. */
const STORE_GRACE_MS = 1000;
/** Some servers send stored content after the first sync: how long to wait for more before calling a load incomplete. */
const LOAD_SETTLE_MS = 5000;
const LOAD_TIMEOUT_MS = 60_000;
/** A server may still be working through the updates when the builder has sent the last: how long it may take to catch up. */
const BUILD_CATCH_UP_MS = 300_000;

/**
 * Cold load: a document made of many small updates (the same for every
 * target, see premade-document.ts), sent by one client, the server stopped
 * (SIGTERM, as an operator would) and started again on the same storage,
 * and the time a new client takes from opening its provider to holding the
 * whole document. Repeated over several restarts.
 */
export async function runColdLoad(target: Target, params: ColdLoadParams, startOptions: StartOptions = {}): Promise<ColdLoadResult> {
  const storage = makeStorageDir(`${target.name}-cold-load`);
  const options = { ...startOptions, storageDir: storage.path };
  const made = premadeDocument(params.updates);
  try {
    // The loading client's process lives through every restart, and loads once before they start: the
    // timed loads then measure the servers, not a client's first run through Yjs.
    return await withWorkerPool(1, async ([loader]) => {
      const built = await withServer(target, options, async (server) => {
        const access = await server.createDocument('bench cold load');
        const endpoint = { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders: access.wsHeaders };
        const check = await withWorkerPool(1, async ([builder]) => {
          await connectClients([builder!], endpoint, [{ index: 0, documentId: access.documentId }], CONNECT_TIMEOUT_MS);
          const replayMs = (1000 * made.updates.length) / params.buildRate;
          await builder!.call('replay', { updates: made.updates, rate: params.buildRate }, replayMs + CALL_MARGIN_MS);
          // While the builder is still connected, so that no server reads its storage for it: every update arrived.
          return load(loader!, endpoint, access.documentId, made.length, BUILD_CATCH_UP_MS);
        });
        await sleep(STORE_GRACE_MS);
        return { access, check, stderr: server.stderr() };
      });
      const storedBytes = folderBytes(storage.path);

      const restarts: ColdLoadRestart[] = [];
      for (let i = 0; i < params.restarts; i++) {
        const spawned = performance.now();
        restarts.push(
          await withServer(target, options, async (server) => {
            const startMs = performance.now() - spawned;
            const before = readCpu(server, [loader!.pid]);
            const endpoint = { protocol: target.protocol, wsUrls: server.wsUrls, wsHeaders: built.access.wsHeaders };
            const report = await load(loader!, endpoint, built.access.documentId, made.length);
            const cpu = cpuUsed(before, readCpu(server, [loader!.pid]));
            return {
              startMs,
              load: report,
              identical: report.sha1 === made.sha1,
              serverCpuSeconds: cpu.server,
              rssBytes: readMemory(server.pids).rssBytes,
              otherCpuSeconds: cpu.other,
              stderr: server.stderr(),
            };
          }),
        );
      }

      const complete = restarts.map((r) => (r.identical ? r.load.completeMs : null));
      return {
        scenario: 'cold-load',
        target: target.name,
        params,
        document: { length: made.length, sha1: made.sha1 },
        build: { sent: made.updates.length, received: built.check.sha1 === made.sha1 },
        storedBytes,
        restarts,
        completeMs: { first: complete[0] ?? null, median: complete.includes(null) ? null : median(complete as number[]) },
        server: { stderr: [built.stderr, ...restarts.map((r) => r.stderr)].join('') },
        windowSeconds: restarts.reduce((s, r) => s + (r.load.completeMs ?? LOAD_TIMEOUT_MS) / 1000, 0),
        otherCpuSeconds: restarts.reduce((s, r) => s + r.otherCpuSeconds, 0),
      };
    });
  } finally {
    storage.release();
  }
}

/** One new client's timed load of the document. */
async function load(
  worker: ClientWorker,
  endpoint: Endpoint,
  documentId: string,
  expectedLength: number,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<LoadReport> {
  const [report] = await worker.call(
    'load',
    { endpoint, documents: [{ documentId, expectedLength }], settleMs: LOAD_SETTLE_MS, timeoutMs },
    timeoutMs + CALL_MARGIN_MS,
  );
  return report!;
}

function folderBytes(folder: string): number {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
