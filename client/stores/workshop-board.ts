import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { boardRoom, readBoard, type Board } from '../../shared/workshops/board';
import { collabServerUrl } from '../lib/collab-url';
import type { Identity } from '../lib/identity';
import { participantsFrom, type Participant } from '../lib/participants';
import { INITIAL_CONNECTION_STATE, nextConnectionState, stopReasonFor, type ConnectionState } from './connection-state';
import { followBrowser } from './follow-browser';

export interface WorkshopBoard {
  /** The board as the server last sent it. */
  board: Accessor<Board>;
  connection: Accessor<ConnectionState>;
  /** Everyone in the room, from the board's presence. */
  participants: Accessor<Participant[]>;
  /** Calls `listener` each time a connection is made again (after the first); returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
}

/**
 * Many changes can arrive at once (sixty people writing): the board is read
 * again at most this often, not once per change.
 */
const READ_EVERY_MS = 50;

/**
 * The live board of a workshop: a Y.Doc only the server writes, received on
 * the board room's socket, where each person also says who they are
 * (presence). Nothing is kept on the device: the board is the room's, live,
 * and what one may see of it changes with the facilitator's reveals. Create
 * it inside a component: everything is torn down when that component goes.
 */
export function createWorkshopBoard(workshopId: string, identity: Accessor<Identity>): WorkshopBoard {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(collabServerUrl(window.location), boardRoom(workshopId), ydoc, {
    shouldReconnect: (event) => stopReasonFor(event.code) === null,
  });
  const { awareness } = provider;
  // The socket is read-only: the server's refusals are expected and say nothing new.
  provider.messageHandlers[MessageType.auth] = () => {};

  const [board, setBoard] = createSignal(readBoard(ydoc));
  let pending: ReturnType<typeof setTimeout> | undefined;
  ydoc.on('update', () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      setBoard(readBoard(ydoc));
    }, READ_EVERY_MS);
  });

  const [connection, setConnection] = createSignal(INITIAL_CONNECTION_STATE);
  provider.on('sync', (synced) => {
    if (synced) setConnection((state) => nextConnectionState(state, { type: 'synced' }));
  });
  provider.on('connection-close', (event) => setConnection((state) => nextConnectionState(state, { type: 'closed', code: event?.code ?? null })));

  const readParticipants = () => participantsFrom(awareness.getStates(), ydoc.clientID);
  const [participants, setParticipants] = createSignal(readParticipants());
  awareness.on('change', () => setParticipants(readParticipants()));
  createEffect(() => awareness.setLocalStateField('user', identity()));

  const reconnectListeners = new Set<() => void>();
  let connectedBefore = false;
  provider.on('status', ({ status }) => {
    if (status !== 'connected') return;
    // As in a document: raise our presence's clock so the others see us again at once.
    awareness.setLocalState(awareness.getLocalState());
    if (connectedBefore) for (const listener of reconnectListeners) listener();
    connectedBefore = true;
  });

  followBrowser(provider, {
    networkBack() {
      if (connection().stoppedBy !== null) return false;
      setConnection((state) => nextConnectionState(state, { type: 'network-back' }));
      return true;
    },
    presence: () => ({ user: identity() }),
  });

  onCleanup(() => {
    clearTimeout(pending);
    reconnectListeners.clear();
    provider.destroy();
    awareness.destroy();
    ydoc.destroy();
  });

  return {
    board,
    connection,
    participants,
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}
