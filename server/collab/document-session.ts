import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { TEMPLATE_CLIENT_ID } from '../../shared/knowledge/template';
import { ACTIVITY_REPORT_DELAY_MS, type AwarenessChange, CloseCode, READ_ONLY_REASON } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../storage/document-store';
import { applyStored } from '../storage/stored-doc';
import type { FanOut, FanOutMessage, FanOutSubscription } from '../storage/fan-out';
import { AwarenessOwners } from './awareness-owners';
import { type AwarenessPacing, AwarenessRelay } from './awareness-relay';
import type { ClientRecords, DocumentActivity } from '../services/document-activity';
import { ActivityBatcher } from './document-activity';
import type { DocumentVersions } from '../services/versions';
import { type VersionSchedule, VersionScheduler } from './version-scheduler';
import { ClientOwners } from './client-owners';
import { isAlreadyApplied } from './known-update';
import { applyAndRelay } from './relayed-update';
import { StoredState } from './stored-state';
import { deepestNewType, MAX_NESTING_DEPTH } from './nesting-depth';
import { MISSING_DEPENDENCIES, updateIntegrityProblem } from './update-integrity';
import { CopyFinder } from '../history/copies';
import { AppError } from '../errors';
import { CollabError } from './collab-error';
import { Connection } from './connection';
import {
  type ClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
} from './protocol';

export interface SessionOptions {
  maxDocumentBytes: number;
  compactAfterUpdates: number;
  versions: VersionSchedule;
  awareness: AwarenessPacing;
}

export interface SessionDeps {
  store: DocumentStore;
  fanOut: FanOut;
  logger: Logger;
  activity: DocumentActivity;
  clients: ClientRecords;
  versions: DocumentVersions;
}

/**
 * New client ids one update may bring: a browser takes a new one per page
 * load, so a sync after many offline sessions brings several, never this many.
 */
const MAX_NEW_CLIENT_IDS = 64;

const tooDeep = () => new ProtocolError('nesting_too_deep', `shared types may nest at most ${MAX_NESTING_DEPTH} deep`);

/**
 * A document nobody asks anything of is decoded anyway this long after a
 * connection joins, so that the connection receives the server's state vector.
 */
const DECODE_AT_LATEST_MS = 1000;

/** Origin of changes that another instance already stored. */
const FAN_OUT = Symbol('fan-out');
/** Origin of changes the server itself makes (a discussion's threads). */
const SERVER = Symbol('server');

/**
 * One loaded document: its Y.Doc and awareness, the connections editing it,
 * and the rule that makes it durable — an update is stored before it is
 * applied, and only applied updates are ever sent to anyone.
 */
export class DocumentSession {
  readonly connections = new Set<Connection>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Sequence number of the last stored update that is applied to `doc`. */
  #lastAppliedSeq: number;
  /** Applied updates and their bytes that are not yet folded into the snapshot. */
  #tailLength: number;
  #tailBytes: number;
  #snapshotBytes: number;
  /** Bytes accepted but not yet applied, so concurrent updates cannot overshoot the size limit together. */
  #reservedBytes = 0;
  #inFlight = new Set<Promise<void>>();
  readonly #doc: Y.Doc;
  /** Stored updates not yet decoded into `doc`: it is decoded once a first client is answered, or when needed. */
  #undecoded: readonly Uint8Array[] | null;
  readonly #decoded: Promise<void>;
  #markDecoded: () => void = () => {};
  #decodeSoonTimer: NodeJS.Immediate | null = null;
  #decodeLaterTimer: NodeJS.Timeout | null = null;
  /** What storage held at load, while the document has not changed since. */
  readonly #stored: StoredState;
  readonly #clients: ClientOwners;
  /** Client ids nobody may claim: the template's, and ids that wrote here without a recorded owner. */
  readonly #reserved = new Set([TEMPLATE_CLIENT_ID]);
  /** Client ids whose owner is recorded in storage. */
  readonly #recorded: Set<number>;
  /**
   * The client id this session writes under as the server: its own, so that
   * two instances writing the same room never reuse each other's clocks.
   */
  readonly #serverClientId = new Y.Doc().clientID;
  /** Server changes run one at a time: each continues the server's own clock in the document. */
  #serverChanges: Promise<unknown> = Promise.resolve();
  readonly #owners: AwarenessOwners;
  readonly #awarenessRelay: AwarenessRelay;
  #compaction: Promise<void> | null = null;
  /**
   * Owners being recorded. Every update waits for those begun before it, so
   * that none is stored, and applied, ahead of one it may build on: a slow
   * record for one writer's new id used to let the other writers' next
   * updates overtake it and be refused as missing what they follow.
   */
  #recording: Promise<unknown> = Promise.resolve();
  readonly #activity: ActivityBatcher;
  /** Reads `doc` only when an update is applied, by then decoded. */
  readonly #copies: CopyFinder;
  readonly #versions: VersionScheduler;
  #subscription: FanOutSubscription;

  static async load(documentId: string, deps: SessionDeps, options: SessionOptions): Promise<DocumentSession> {
    const [stored, owners] = await Promise.all([deps.store.load(documentId), deps.clients.load(documentId)]);
    return new DocumentSession(documentId, new Y.Doc(), deps, options, stored, owners);
  }

  private constructor(
    readonly documentId: string,
    doc: Y.Doc,
    private readonly deps: SessionDeps,
    private readonly options: SessionOptions,
    initial: StoredDocument,
    owners: ReadonlyMap<number, string>,
  ) {
    this.#doc = doc;
    this.#undecoded = initial.updates;
    this.#stored = new StoredState(initial.updates);
    this.#decoded = new Promise((resolve) => {
      this.#markDecoded = resolve;
    });
    this.#clients = new ClientOwners(this.#reserved, owners);
    this.#recorded = new Set(owners.keys());
    this.#lastAppliedSeq = initial.throughSeq;
    this.#tailLength = initial.tailLength;
    this.#tailBytes = initial.tailBytes;
    this.#snapshotBytes = initial.snapshotBytes;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.#owners = new AwarenessOwners(this.awareness, this.#clients);
    this.#activity = new ActivityBatcher(documentId, doc, deps.activity, deps.logger, ACTIVITY_REPORT_DELAY_MS);
    this.#copies = new CopyFinder(doc);
    this.#versions = new VersionScheduler(documentId, doc, deps.versions, deps.logger, options.versions, () => this.#activity.flush());
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.#recordAwareness(change, origin));
    this.#awarenessRelay = new AwarenessRelay(this.awareness, options.awareness, (frame) => {
      for (const connection of this.connections) connection.send(frame);
    });
    this.#subscription = deps.fanOut.subscribe(
      documentId,
      (message) => this.#receiveFromFanOut(message),
      () => void this.#track(this.#catchUp()),
    );
  }

  /** The document, decoded from storage the first time anything reads or changes it. */
  get doc(): Y.Doc {
    this.#decode();
    return this.#doc;
  }

  /** Decodes the stored updates into `doc`, if that is not done yet. */
  #decode(): void {
    const updates = this.#undecoded;
    if (!updates) return;
    this.#undecoded = null;
    this.#cancelDecode();
    applyStored(this.#doc, updates, (error) => {
      // Clients answered from the bytes already have what the document skips; later ones get the document.
      this.#stored.forget();
      this.deps.logger.error('skipped a stored update that does not apply', { documentId: this.documentId, error });
    });
    // Ids that wrote here without a recorded owner (text from before owners were recorded) stay nobody's.
    for (const id of Y.decodeStateVector(Y.encodeStateVector(this.#doc)).keys()) if (!this.#recorded.has(id)) this.#reserved.add(id);
    this.#markDecoded();
  }

  /** Decodes after this turn of the event loop, so that what it sent leaves first; resolves once decoded. */
  #decodeSoon(): Promise<void> {
    if (this.#undecoded) this.#decodeSoonTimer ??= setImmediate(() => this.#decode());
    return this.#decoded;
  }

  #cancelDecode(): void {
    if (this.#decodeSoonTimer) clearImmediate(this.#decodeSoonTimer);
    if (this.#decodeLaterTimer) clearTimeout(this.#decodeLaterTimer);
  }

  /** Upper bound of the stored size of the document, in bytes. */
  get storedBytes(): number {
    return this.#snapshotBytes + this.#tailBytes;
  }

  get tailLength(): number {
    return this.#tailLength;
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    if (this.#undecoded) {
      // Its sync request is answered from the stored bytes; the server's own waits for the document.
      this.#decodeLaterTimer ??= setTimeout(() => this.#decode(), DECODE_AT_LATEST_MS).unref();
      void this.#decoded.then(() => {
        if (this.connections.has(connection)) connection.send(encodeSyncStep1(Y.encodeStateVector(this.#doc)));
      });
    } else {
      connection.send(encodeSyncStep1(Y.encodeStateVector(this.#doc)));
    }
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    }
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClientIds], null);
    }
  }

  /** Handles one decoded message; throws ProtocolError or CollabError when the connection must close. */
  async handleMessage(connection: Connection, message: ClientMessage): Promise<void> {
    // Anything but a sync request waits for the document, decoded once the replies sent so far have left.
    if (this.#undecoded && message.type !== 'sync-step1') await this.#track(this.#decodeSoon());
    switch (message.type) {
      case 'sync-step1': {
        let reply: Uint8Array;
        try {
          reply =
            this.#stored.replyTo(message.stateVector, !this.#undecoded) ?? Y.encodeStateAsUpdate(this.doc, message.stateVector);
        } catch {
          throw new ProtocolError('malformed_frame', 'state vector does not decode');
        }
        connection.send(encodeSyncStep2(reply));
        // The server decodes the document while the client applies the reply.
        void this.#decodeSoon();
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        // A sync step 2 answers the server's sync step 1: whatever that asked for again is in it.
        if (message.type === 'sync-step2') connection.resyncRequested = false;
        return this.#track(this.#acceptUpdate(message.update, connection));
      case 'awareness':
        // The stock provider sends back every entry it receives: applying those would parse each again for nothing.
        if (!this.#owners.check(connection, message.entries)) return;
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
        } catch {
          throw new ProtocolError('malformed_frame', 'awareness update does not decode');
        }
        return;
      case 'query-awareness': {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
    }
  }

  async #acceptUpdate(update: Uint8Array, origin: Connection): Promise<void> {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new ProtocolError('malformed_frame', 'update does not decode');
    }
    // Sync replies are often empty: nothing to store.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (!origin.canEdit) {
      // Not applied, not stored, not relayed; the client is told why.
      origin.send(encodePermissionDenied(READ_ONLY_REASON));
      return;
    }
    const overLimit = this.storedBytes + this.#reservedBytes + update.byteLength > this.options.maxDocumentBytes;
    // A full document still takes a reconnecting client's answer that repeats what it holds (and stores none of it).
    if (overLimit && !isAlreadyApplied(this.doc, decoded)) {
      throw new CollabError(CloseCode.documentTooLarge, 'document size limit reached');
    }
    // Measured before storing when it can be; else once what it builds on is applied.
    const depth = deepestNewType(this.doc, decoded.structs);
    if (depth !== null && depth > MAX_NESTING_DEPTH) throw tooDeep();
    // New content is written under the writer's own client ids, never someone else's.
    const clientIds = new Set(decoded.structs.map((s) => s.id.client));
    const unrecorded = [...clientIds].filter((id) => !this.#recorded.has(id));
    if (unrecorded.length > MAX_NEW_CLIENT_IDS) {
      throw new ProtocolError('too_many_client_ids', `an update may bring at most ${MAX_NEW_CLIENT_IDS} new client ids`);
    }
    this.#clients.claim(origin.grant.userId, clientIds, 'client_id_not_owned');
    this.#reservedBytes += update.byteLength;
    let seq: number;
    try {
      // Whose the ids are is stored before what they wrote: no stored text is ever without its author.
      if (unrecorded.length > 0) {
        const recorded = this.#recording.then(() => this.deps.clients.record(this.documentId, unrecorded, origin.grant.userId));
        this.#recording = recorded.catch(() => {});
        const owners = await recorded;
        this.#clients.learn(owners);
        for (const id of owners.keys()) this.#recorded.add(id);
        // Another instance, or an earlier life of this document, gave an id to someone else.
        if ([...owners.values()].some((owner) => owner !== origin.grant.userId)) {
          throw new ProtocolError('client_id_not_owned', 'a client id of this update belongs to someone else');
        }
      } else {
        await this.#recording;
      }
      // Only once its ids are known to be the sender's: text under someone else's is refused as a forgery, not ignored.
      if (isAlreadyApplied(this.doc, decoded)) return;
      seq = await this.deps.store.append(this.documentId, update);
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      this.deps.logger.error('could not store an update', { documentId: this.documentId, error });
      throw new CollabError(CloseCode.internalError, 'storage failed');
    } finally {
      this.#reservedBytes -= update.byteLength;
    }
    // Stored: from here the update is applied even if its sender has left, so memory matches storage.
    // It is checked only now, when every update stored before it is applied: it may build on them.
    try {
      // Before the integrity check, which may apply the update to a copy: depth is what makes that costly.
      const depthNow = depth ?? deepestNewType(this.doc, decoded.structs);
      if (depthNow !== null && depthNow > MAX_NESTING_DEPTH) {
        void this.#discard(seq);
        throw tooDeep();
      }
      const problem = depthNow === null ? MISSING_DEPENDENCIES : updateIntegrityProblem(this.doc, update, decoded);
      if (problem) void this.#discard(seq);
      if (problem?.kind === 'missing_dependencies') {
        // Typed before the reconnection handshake resent what a crash lost, say. A sync step 1
        // makes the stock provider answer with everything the server lacks, this update included.
        // Asked once until it answers: the updates already on their way build on this one, are
        // refused too, and its answer brings them all (asked for each, a fast writer's answers
        // grew with every one still on its way, and filled the document with copies).
        if (!origin.resyncRequested) {
          origin.resyncRequested = true;
          origin.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
        }
        return;
      }
      if (problem) throw new ProtocolError('invalid_update', problem.message);
      // Read before applying: a moved paragraph's original is gone after.
      const copies = this.#copies.find(decoded);
      this.#apply([update], origin);
      this.#activity.noteEdit(origin.grant.userId, copies);
      this.#versions.noteEdit();
    } finally {
      this.#lastAppliedSeq = seq;
      this.#tailLength += 1;
      this.#tailBytes += update.byteLength;
    }
    if (this.#tailLength >= this.options.compactAfterUpdates) void this.compact();
  }

  /**
   * Makes a change as the server (under this session's own client id), under the
   * same rule as everyone's: worked out on a copy, stored, and only then
   * applied and sent to every connection. `write` may throw to change nothing.
   */
  changeAsServer<T>(write: (doc: Y.Doc) => T): Promise<T> {
    const run = async () => {
      const copy = new Y.Doc({ gc: this.doc.gc });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
      // Set after the copy is filled: a doc that receives items under its own id takes another.
      copy.clientID = this.#serverClientId;
      // What the change adds and deletes, and no more (a state-vector difference would repeat every deletion ever made).
      const changes: Uint8Array[] = [];
      copy.on('update', (change: Uint8Array) => changes.push(change));
      const result = copy.transact(() => write(copy));
      copy.destroy();
      if (changes.length === 0) return result;
      const update = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
      if (this.storedBytes + this.#reservedBytes + update.byteLength > this.options.maxDocumentBytes) {
        throw new AppError(413, 'payload_too_large', 'The document has reached its size limit');
      }
      const seq = await this.deps.store.append(this.documentId, update);
      this.#apply([update], SERVER);
      this.#activity.noteChange();
      this.#lastAppliedSeq = seq;
      this.#tailLength += 1;
      this.#tailBytes += update.byteLength;
      if (this.#tailLength >= this.options.compactAfterUpdates) void this.compact();
      return result;
    };
    const change = this.#serverChanges.then(run, run);
    const settled = change.then(
      () => {},
      () => {},
    );
    this.#serverChanges = settled;
    // Closing waits for it, as for a client's update.
    void this.#track(settled);
    return change;
  }

  /** Compaction drops a refused update too; removing it at once keeps a crash before then from reviving it. */
  async #discard(seq: number): Promise<void> {
    try {
      await this.deps.store.discard(this.documentId, seq);
    } catch (error) {
      this.deps.logger.error('could not discard a refused update', { documentId: this.documentId, seq, error });
    }
  }

  #track(work: Promise<void>): Promise<void> {
    this.#inFlight.add(work);
    const done = () => this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /** Applies stored updates and sends what they brought to every other connection, and to the other instances unless it came from them. */
  #apply(updates: readonly Uint8Array[], origin: unknown): void {
    const update = applyAndRelay(this.doc, updates, origin);
    if (!update) return;
    this.#stored.forget();
    const frame = encodeSyncUpdate(update);
    for (const connection of this.connections) if (connection !== origin) connection.send(frame);
    if (origin !== FAN_OUT) this.#subscription.publish({ kind: 'update', data: update });
  }

  #recordAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    this.#owners.record(origin instanceof Connection ? origin : null, [...added, ...updated], removed);
    if (origin !== FAN_OUT) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      this.#subscription.publish({ kind: 'awareness', data: update });
    }
  }

  #receiveFromFanOut(message: FanOutMessage): void {
    try {
      if (message.kind === 'update') this.#apply([message.data], FAN_OUT);
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, FAN_OUT);
    } catch (error) {
      this.deps.logger.error('a fanned-out message does not apply', { documentId: this.documentId, error });
    }
  }

  /**
   * Applies what storage holds that this instance may have missed from the
   * others: published while it was loading, or while its link was down.
   * Applying known updates again changes nothing.
   */
  async #catchUp(): Promise<void> {
    try {
      const stored = await this.deps.store.load(this.documentId);
      this.#apply(stored.updates, FAN_OUT);
    } catch (error) {
      this.deps.logger.error('could not catch up from storage', { documentId: this.documentId, error });
    }
  }

  /**
   * Folds every applied update into one snapshot. Updates stored but not yet
   * applied have higher sequence numbers and stay in the tail.
   */
  compact(): Promise<void> {
    if (this.#compaction) return this.#compaction;
    if (this.#tailLength === 0) return Promise.resolve();
    const throughSeq = this.#lastAppliedSeq;
    const tailLength = this.#tailLength;
    const tailBytes = this.#tailBytes;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.#compaction = this.deps.store
      .compact(this.documentId, snapshot, throughSeq)
      .then(() => {
        this.#tailLength -= tailLength;
        this.#tailBytes -= tailBytes;
        this.#snapshotBytes = snapshot.byteLength;
      })
      .catch((error: unknown) => {
        // The tail is still stored: a failed compaction loses nothing and is retried later.
        this.deps.logger.error('compaction failed', { documentId: this.documentId, error });
      })
      .finally(() => {
        this.#compaction = null;
      });
    return this.#compaction;
  }

  /** Waits for in-flight updates, compacts, and frees the document. */
  async close(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    await this.#activity.flush(true);
    await this.#versions.take();
    await this.#compaction;
    await this.compact();
    this.#subscription.unsubscribe();
    this.#awarenessRelay.destroy();
    this.awareness.destroy();
    this.#cancelDecode();
    this.#undecoded = null;
    this.#doc.destroy();
  }
}
