import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AuthMessageType, MessageType } from '../../shared/protocol';
import { collabServerUrl } from '../lib/collab-url';
import { localCopyName } from '../lib/local-copies';
import { sendOwnPresenceOnly } from '../lib/own-presence';
import type { Identity } from '../lib/identity';
import { participantsFrom, type Participant } from '../lib/participants';
import {
  INITIAL_CONNECTION_STATE,
  nextConnectionState,
  stopReasonFor,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state';
import { followBrowser } from './follow-browser';

export interface DocumentSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  connection: Accessor<ConnectionState>;
  participants: Accessor<Participant[]>;
  /** Deletes the copy kept on this device, for someone who no longer has access to the document. */
  forgetLocalCopy(): Promise<void>;
}

export interface DocumentSessionOptions {
  /**
   * The server says what we may do: it refuses changes on connecting to people
   * who may only read and when their role is lowered while connected, and
   * grants them when the role rises.
   */
  onPermission?(permission: 'denied' | 'granted'): void;
}

/**
 * One open document: its Y.Doc, kept on the device (IndexedDB, one copy per person) so edits
 * made offline survive a reload, and shared through the server. Create it
 * inside a component: everything is torn down when that component goes.
 */
export function createDocumentSession(
  documentId: string,
  userId: string,
  identity: Accessor<Identity>,
  options: DocumentSessionOptions = {},
): DocumentSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localCopyName('doc', userId, documentId), ydoc);
  const provider = new WebsocketProvider(collabServerUrl(window.location), documentId, ydoc, {
    shouldReconnect: (event) => stopReasonFor(event.code) === null,
  });
  sendOwnPresenceOnly(provider);
  const { awareness } = provider;
  // The stock handler only logs a refusal; the page needs to hear of it, and of a grant.
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === AuthMessageType.permissionDenied) options.onPermission?.('denied');
    else if (subtype === AuthMessageType.permissionGranted) options.onPermission?.('granted');
  };

  const [connection, setConnection] = createSignal(INITIAL_CONNECTION_STATE);
  const dispatch = (event: ConnectionEvent) => setConnection((state) => nextConnectionState(state, event));

  provider.on('sync', (synced) => {
    if (synced) dispatch({ type: 'synced' });
  });
  provider.on('connection-close', (event) => dispatch({ type: 'closed', code: event?.code ?? null }));
  // Changes from the server or loaded from the device are not the user's unsent work.
  ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== persistence) dispatch({ type: 'local-change' });
  });

  const readParticipants = () => participantsFrom(awareness.getStates(), ydoc.clientID);
  const [participants, setParticipants] = createSignal(readParticipants());
  awareness.on('change', () => setParticipants(readParticipants()));

  createEffect(() => awareness.setLocalStateField('user', identity()));
  // The server forgets our presence when an old connection closes, and then
  // ignores the same state sent again at the same clock: re-setting it on
  // each new connection raises the clock so the others see us at once.
  provider.on('status', ({ status }) => {
    if (status === 'connected') awareness.setLocalState(awareness.getLocalState());
  });

  followBrowser(provider, {
    networkBack() {
      if (connection().stoppedBy !== null) return false;
      dispatch({ type: 'network-back' });
      return true;
    },
    presence: () => ({ user: identity() }),
  });

  onCleanup(() => {
    provider.destroy();
    awareness.destroy();
    void persistence.destroy();
    ydoc.destroy();
  });

  return {
    ydoc,
    provider,
    connection,
    participants,
    async forgetLocalCopy() {
      provider.disconnect();
      await persistence.clearData();
    },
  };
}
