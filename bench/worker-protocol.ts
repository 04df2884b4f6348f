import type { Protocol } from './providers';
import type { Schedule } from './schedule';

/** One benchmark client: its index in the whole run and the document it joins. */
export interface ClientSpec {
  index: number;
  documentId: string;
}

/** Where and how the clients of a call connect. */
export interface Endpoint {
  protocol: Protocol;
  /** One per server instance: client `i` connects to `wsUrls[i mod n]`. */
  wsUrls: readonly string[];
  /** Headers of the websocket upgrade, e.g. a session cookie; the same for every client. */
  wsHeaders: Record<string, string>;
}

/**
 * What the coordinator asks of a client worker, and what each call answers.
 * Messages travel over the fork IPC channel with `advanced` serialization,
 * so bigints and typed arrays arrive as they were sent.
 */
export interface WorkerCalls {
  /** Opens one client per spec and resolves once all have synced. */
  connect: {
    args: { endpoint: Endpoint; clients: ClientSpec[]; timeoutMs: number };
    result: { connectMs: number };
  };
  /** Makes this worker's clients' edits of the schedule; resolves when the last one is sent. */
  run: {
    args: { schedule: Schedule };
    result: Record<string, never>;
  };
  /** Waits until every client has every remote edit of the schedule (or the timeout passes) and reports. */
  collect: {
    args: { timeoutMs: number };
    result: WorkerReport;
  };
  /**
   * Saturation: on each document, the lowest-indexed client of this worker
   * observes and the others write, each keeping `window` edits on their way
   * (sent, not yet seen by the observer) until `endNs`; an edit counts once
   * the observer has it. Resolves when the writers' edits have all arrived,
   * or after `drainTimeoutMs`.
   */
  saturate: {
    args: { window: number; measureFromNs: bigint; endNs: bigint; drainTimeoutMs: number };
    result: SaturationReport;
  };
  /**
   * Applies `updates` to this worker's first client, one at a time at `rate`
   * per second, so that its provider sends each as its own message; resolves
   * once the last is applied.
   */
  replay: {
    args: { updates: Uint8Array[]; rate: number };
    result: Record<string, never>;
  };
  /**
   * Opens a fresh client on each document and times it until its text is at
   * least `expectedLength` long, or no update came for `settleMs` after its
   * sync; then closes it.
   */
  load: {
    args: { endpoint: Endpoint; documents: { documentId: string; expectedLength: number }[]; settleMs: number; timeoutMs: number };
    result: LoadReport[];
  };
  /** Disconnects every client; the worker exits after answering. */
  close: {
    args: Record<string, never>;
    result: Record<string, never>;
  };
}

export type CallName = keyof WorkerCalls;

export type WorkerRequest = { [K in CallName]: { id: number; call: K; args: WorkerCalls[K]['args'] } }[CallName];

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Each client's text, summarized, to check that the clients of a document converged. */
export interface TextSummary {
  client: number;
  documentId: string;
  length: number;
  sha1: string;
}

export interface WorkerReport {
  /** Change-to-arrival time of every measured remote edit at every client of this worker, in ms. */
  latenciesMs: Float64Array;
  /** The edit of each of `latenciesMs`. */
  latencyEdits: Uint32Array;
  /** How late each measured edit of this worker's clients was sent against its due time, in ms. */
  sendLagMs: Float64Array;
  /** Distinct remote edits received, summed over this worker's clients (warm-up included). */
  delivered: number;
  /** Remote edits that should have been received, summed over this worker's clients. */
  expected: number;
  /** Remote edits received more than once. */
  duplicates: number;
  /** Inserted text that was not an edit record of the client's document: a garbled or misrouted payload. */
  malformed: number;
  /** Client sockets that closed after the run had started. */
  disconnects: number;
  documents: TextSummary[];
  /** Event-loop delay of this worker from the start of `run` to the end of `collect`, in ms: high values inflate the latencies. */
  eventLoopDelayMs: { p99: number; max: number };
}

export interface SaturationReport {
  /** Edits that reached their observer inside the measured window. */
  acceptedInWindow: number;
  /** Send-to-observer time of those edits, in ms. */
  latenciesMs: Float64Array;
  sent: number;
  /** Every edit the observers received, window or not. */
  observed: number;
  /** Edits each writer had seen arrive at its observer, by writer index. */
  observedByWriter: Record<number, number>;
  duplicates: number;
  malformed: number;
  disconnects: number;
  /** Each observer's text at the end. */
  documents: TextSummary[];
  eventLoopDelayMs: { p99: number; max: number };
}

export interface LoadReport {
  documentId: string;
  /** From opening the provider to its first sync, in ms. */
  syncedMs: number | null;
  /** From opening the provider to the text reaching the expected length, in ms; null if it never did. */
  completeMs: number | null;
  length: number;
  sha1: string;
  /** Edit records in the loaded text, by the client that made them. */
  recordsByClient: Record<number, number>;
}
