/**
 * A process holding some of the benchmark's clients: stock providers of the
 * target's protocol, each with its own Y.Doc, appending edit records to the
 * shared text. It makes its clients' edits on the coordinator's schedule (or
 * as fast as the server takes them) and times every remote edit from the
 * sender's clock reading to its arrival here.
 *
 * Started by worker-pool.ts with `fork`; not meant to be run by hand.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { arrivalOfCurrentMessage, type BenchProvider, openProvider } from './providers';
import { type EditRecord, formatRecord, recordsInUpdate, sha1, TEXT_NAME } from './records';
import { clientOf, dueNs, expectedDeliveries, groupOf, type Schedule } from './schedule';
import { timeLoad } from './timed-load';
import type {
  CallName,
  ClientSpec,
  Endpoint,
  TextSummary,
  WorkerCalls,
  WorkerReply,
  WorkerRequest,
} from './worker-protocol';

interface BenchClient {
  index: number;
  documentId: string;
  doc: Y.Doc;
  text: Y.Text;
  provider: BenchProvider;
  /** One byte per edit of the schedule: 1 once received. */
  seen: Uint8Array;
  delivered: number;
  /** Code of the last close of this client's socket, to say why it is not connected. */
  lastCloseCode: number | null;
}

/** What the clients do with each remote record, depending on the call under way. */
type RecordHandler = (client: BenchClient, record: EditRecord | null, now: bigint) => void;

const clients: BenchClient[] = [];
let onRecord: RecordHandler | null = null;
/** Sockets that closed once a run had started: each loses the edits of its reconnection time. */
let disconnects = 0;
const LOOP_SAMPLING_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLING_MS });

function connectClient(endpoint: Endpoint, spec: ClientSpec): BenchClient {
  const doc = new Y.Doc();
  const provider = openProvider(
    endpoint.protocol,
    // Spread over the instances by index: neighbours in the round-robin schedule are on different ones.
    { wsUrl: endpoint.wsUrls[spec.index % endpoint.wsUrls.length]!, wsHeaders: endpoint.wsHeaders, documentId: spec.documentId },
    doc,
  );
  const client: BenchClient = {
    ...spec,
    doc,
    text: doc.getText(TEXT_NAME),
    provider,
    seen: new Uint8Array(0),
    delivered: 0,
    lastCloseCode: null,
  };
  // As an editor does when it opens (a name for its caret): a presence of clock 0 is ignored until renewed.
  provider.awareness.setLocalStateField('user', { name: `client ${spec.index}` });
  provider.onClose((code) => {
    client.lastCloseCode = code;
    if (onRecord) disconnects++;
  });
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local || !onRecord) return;
    const now = arrivalOfCurrentMessage() ?? process.hrtime.bigint();
    for (const record of recordsInUpdate(update)) onRecord(client, record, now);
  });
  return client;
}

function summarizeText(client: BenchClient): TextSummary {
  const text = client.text.toString();
  return { client: client.index, documentId: client.documentId, length: text.length, sha1: sha1(text) };
}

function waitUntil(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what()}`));
      setTimeout(check, 10);
    };
    check();
  });
}

/** The histogram holds whole sampling intervals: the delay is what exceeds one. */
function readLoopDelay(): { p99: number; max: number } {
  return {
    p99: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_SAMPLING_MS),
    max: Math.max(0, loopDelay.max / 1e6 - LOOP_SAMPLING_MS),
  };
}

/** State of a scheduled run, from `run` to `collect`. */
const scheduled = {
  schedule: null as Schedule | null,
  latenciesMs: [] as number[],
  /** The edit each latency belongs to, to see when during the run the slow ones happened. */
  latencyEdits: [] as number[],
  sendLagMs: [] as number[],
  duplicates: 0,
  malformed: 0,
};

function receiveScheduled(client: BenchClient, record: EditRecord | null, now: bigint): void {
  const schedule = scheduled.schedule!;
  if (
    !record ||
    record.edit >= schedule.totalEdits ||
    clientOf(schedule, record.edit) !== record.client ||
    groupOf(schedule, record.client) !== groupOf(schedule, client.index)
  ) {
    scheduled.malformed++;
    return;
  }
  if (client.seen[record.edit]) {
    scheduled.duplicates++;
    return;
  }
  client.seen[record.edit] = 1;
  client.delivered++;
  if (record.edit >= schedule.firstMeasuredEdit) {
    scheduled.latenciesMs.push(Number(now - record.sentNs) / 1e6);
    scheduled.latencyEdits.push(record.edit);
  }
}

const handlers: { [K in CallName]: (args: WorkerCalls[K]['args']) => Promise<WorkerCalls[K]['result']> } = {
  async connect({ endpoint, clients: specs, timeoutMs }) {
    const started = performance.now();
    // Each provider listens for the process's exit; that is expected here, not a leak.
    process.setMaxListeners(process.getMaxListeners() + specs.length);
    for (const spec of specs) clients.push(connectClient(endpoint, spec));
    await waitUntil(
      () => clients.every((c) => c.provider.synced),
      timeoutMs,
      () => {
        const waiting = clients.filter((c) => !c.provider.synced);
        const codes = [...new Set(waiting.map((c) => c.lastCloseCode ?? 'none'))].join(', ');
        return `${waiting.length} of ${clients.length} clients to sync (last close codes: ${codes})`;
      },
    );
    return { connectMs: performance.now() - started };
  },

  async run({ schedule }) {
    scheduled.schedule = schedule;
    for (const client of clients) client.seen = new Uint8Array(schedule.totalEdits);
    onRecord = receiveScheduled;
    const byIndex = new Map(clients.map((c) => [c.index, c]));
    const own: number[] = [];
    for (let i = 0; i < schedule.totalEdits; i++) if (byIndex.has(clientOf(schedule, i))) own.push(i);
    loopDelay.reset();
    loopDelay.enable();

    await new Promise<void>((resolve) => {
      let next = 0;
      const tick = () => {
        // Every edit whose time has come goes now: a late timer delays edits, it never drops or spreads them.
        for (let now = process.hrtime.bigint(); next < own.length && dueNs(schedule, own[next]!) <= now; next++) {
          const i = own[next]!;
          const client = byIndex.get(clientOf(schedule, i))!;
          client.text.insert(client.text.length, formatRecord(client.index, i, process.hrtime.bigint()));
          if (i >= schedule.firstMeasuredEdit) scheduled.sendLagMs.push(Number(now - dueNs(schedule, i)) / 1e6);
        }
        if (next === own.length) return resolve();
        const waitMs = Number(dueNs(schedule, own[next]!) - process.hrtime.bigint()) / 1e6;
        setTimeout(tick, Math.max(0, Math.floor(waitMs)));
      };
      tick();
    });
    return {};
  },

  async collect({ timeoutMs }) {
    const schedule = scheduled.schedule;
    if (!schedule) throw new Error('collect before run');
    const expectedOf = (c: BenchClient) => expectedDeliveries(schedule, c.index);
    // A timeout is a result here, not an error: the report counts what is missing.
    await waitUntil(() => clients.every((c) => c.delivered >= expectedOf(c)), timeoutMs, () => 'deliveries').catch(
      () => undefined,
    );
    loopDelay.disable();
    onRecord = null;
    return {
      latenciesMs: Float64Array.from(scheduled.latenciesMs),
      latencyEdits: Uint32Array.from(scheduled.latencyEdits),
      sendLagMs: Float64Array.from(scheduled.sendLagMs),
      delivered: clients.reduce((n, c) => n + c.delivered, 0),
      expected: clients.reduce((n, c) => n + expectedOf(c), 0),
      duplicates: scheduled.duplicates,
      malformed: scheduled.malformed,
      disconnects,
      documents: clients.map(summarizeText),
      eventLoopDelayMs: readLoopDelay(),
    };
  },

  async saturate({ window, measureFromNs, endNs, drainTimeoutMs }) {
    const byDocument = new Map<string, BenchClient[]>();
    for (const client of clients) byDocument.set(client.documentId, [...(byDocument.get(client.documentId) ?? []), client]);
    const observerOf = new Map<BenchClient, BenchClient>();
    const writers: BenchClient[] = [];
    for (const members of byDocument.values()) {
      const [observer, ...others] = members.sort((a, b) => a.index - b.index);
      for (const writer of others) {
        observerOf.set(writer, observer!);
        writers.push(writer);
      }
    }
    const writerByIndex = new Map(writers.map((w) => [w.index, w]));
    const inFlight = new Map(writers.map((w) => [w, 0]));
    const nextEdit = new Map(writers.map((w) => [w, 0]));
    const seenByWriter = new Map(writers.map((w) => [w, new Set<number>()]));
    const latenciesMs: number[] = [];
    let sent = 0;
    let observed = 0;
    let duplicates = 0;
    let malformed = 0;

    const topUp = (writer: BenchClient) => {
      while (inFlight.get(writer)! < window && process.hrtime.bigint() < endNs) {
        const edit = nextEdit.get(writer)!;
        nextEdit.set(writer, edit + 1);
        inFlight.set(writer, inFlight.get(writer)! + 1);
        sent++;
        writer.text.insert(writer.text.length, formatRecord(writer.index, edit, process.hrtime.bigint()));
      }
    };
    onRecord = (client, record, now) => {
      // Writers see each other's edits too; only the observer's arrivals count.
      if (observerOf.has(client)) return;
      const writer = record && writerByIndex.get(record.client);
      if (!record || !writer || observerOf.get(writer) !== client) {
        malformed++;
        return;
      }
      const seen = seenByWriter.get(writer)!;
      if (seen.has(record.edit)) {
        duplicates++;
        return;
      }
      seen.add(record.edit);
      observed++;
      if (now >= measureFromNs && now < endNs) latenciesMs.push(Number(now - record.sentNs) / 1e6);
      inFlight.set(writer, inFlight.get(writer)! - 1);
      topUp(writer);
    };

    loopDelay.reset();
    loopDelay.enable();
    for (const writer of writers) topUp(writer);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(endNs - process.hrtime.bigint()) / 1e6)));
    await waitUntil(() => observed === sent, drainTimeoutMs, () => 'the last edits').catch(() => undefined);
    loopDelay.disable();
    onRecord = null;
    return {
      acceptedInWindow: latenciesMs.length,
      latenciesMs: Float64Array.from(latenciesMs),
      sent,
      observed,
      observedByWriter: Object.fromEntries(writers.map((w) => [w.index, seenByWriter.get(w)!.size])),
      duplicates,
      malformed,
      disconnects,
      documents: [...observerOf.values()].filter((o, i, all) => all.indexOf(o) === i).map(summarizeText),
      eventLoopDelayMs: readLoopDelay(),
    };
  },

  async replay({ updates, rate }) {
    const client = clients[0];
    if (!client) throw new Error('replay without a client');
    const started = performance.now();
    await new Promise<void>((resolve) => {
      let next = 0;
      const tick = () => {
        // As in `run`: every update whose time has come goes now, each in its own transaction.
        const dueCount = Math.min(updates.length, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
        for (; next < dueCount; next++) Y.applyUpdate(client.doc, updates[next]!);
        if (next === updates.length) return resolve();
        setTimeout(tick, Math.max(0, Math.floor((next * 1000) / rate - (performance.now() - started))));
      };
      tick();
    });
    return {};
  },

  async load({ endpoint, documents, settleMs, timeoutMs }) {
    return Promise.all(documents.map((d) => timeLoad(endpoint, d.documentId, d.expectedLength, settleMs, timeoutMs)));
  },

  async close() {
    for (const client of clients.splice(0)) {
      client.provider.destroy();
      client.doc.destroy();
    }
    return {};
  },
};

process.on('message', (request: WorkerRequest) => {
  const handler = handlers[request.call] as (args: unknown) => Promise<unknown>;
  // After answering `close` the worker leaves, once the answer is on its way.
  const then = () => request.call === 'close' && process.exit(0);
  handler(request.args).then(
    (result) => process.send!({ id: request.id, ok: true, result } satisfies WorkerReply, then),
    (error: unknown) =>
      process.send!({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply, then),
  );
});
// Orphaned by a coordinator that died: leave rather than keep sockets open.
process.on('disconnect', () => process.exit(1));
process.send!('ready');
