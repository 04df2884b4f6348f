import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { discussionRoom, listThreads, observeThreads, type Thread } from '../../shared/annotations/discussion';
import { MessageType } from '../../shared/protocol';
import { collabServerUrl } from '../lib/collab-url';
import { localCopyName } from '../lib/local-copies';
import { stopReasonFor } from './connection-state';
import { followBrowser } from './follow-browser';

export interface DiscussionSession {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Every thread of the document, oldest first, as this device last heard. */
  threads: Accessor<Thread[]>;
  /** Whether the server's copy has arrived since the page opened. */
  synced: Accessor<boolean>;
  /** Calls `listener` each time a connection to the server is made again; returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
  /** Deletes the copy kept on this device, for someone who no longer has access to the document. */
  forgetLocalCopy(): Promise<void>;
}

/**
 * The discussion of one document: its own Y.Doc, kept on the device so
 * the threads can be read offline, and received live from the server. Only
 * read here; every change goes through the HTTP routes, which write it into
 * this Y.Doc on the server. Create it inside a component: everything is torn
 * down when that component goes.
 */
export function createDiscussionSession(documentId: string, userId: string): DiscussionSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localCopyName('discussion', userId, documentId), ydoc);
  const provider = new WebsocketProvider(collabServerUrl(window.location), discussionRoom(documentId), ydoc, {
    shouldReconnect: (event) => stopReasonFor(event.code) === null,
  });
  // Presence is the content's business: nothing to tell the others here.
  provider.awareness.setLocalState(null);
  // The server refuses every change from a client here; nothing is ever sent, so there is nothing to hear.
  provider.messageHandlers[MessageType.auth] = () => {};

  const [threads, setThreads] = createSignal(listThreads(ydoc), { equals: false });
  const stopObserving = observeThreads(ydoc, () => setThreads(listThreads(ydoc)));
  const [synced, setSynced] = createSignal(false);
  provider.on('sync', (isSynced) => {
    if (isSynced) setSynced(true);
  });

  const reconnectListeners = new Set<() => void>();
  provider.on('status', ({ status }) => {
    if (status === 'connected') for (const listener of reconnectListeners) listener();
  });

  followBrowser(provider, { networkBack: () => provider.shouldConnect });

  onCleanup(() => {
    stopObserving();
    reconnectListeners.clear();
    provider.destroy();
    void persistence.destroy();
    ydoc.destroy();
  });

  return {
    ydoc,
    provider,
    threads,
    synced,
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    async forgetLocalCopy() {
      provider.disconnect();
      await persistence.clearData();
    },
  };
}
