import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './wait-for';

export interface YjsClient {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  /** Resolves once the provider has completed a sync with the server. */
  synced(): Promise<void>;
  destroy(): void;
}

/** Where to connect, and as whom: a test server (its owner's cookie) or an explicit pair. */
export interface CollabTarget {
  wsUrl: string;
  cookie: string | undefined;
}

/** The `ws` WebSocket, sending a session cookie with the upgrade as a browser would. */
export function webSocketWithCookie(cookie: string | undefined): typeof globalThis.WebSocket {
  class WithCookie extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return WithCookie as unknown as typeof globalThis.WebSocket;
}

/**
 * A stock y-websocket client in Node, editing the shared text `content`.
 * BroadcastChannel is off so clients in one process only meet through the server.
 */
export function connectClient(target: CollabTarget, documentId: string, options: { connect?: boolean } = {}): YjsClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.wsUrl, documentId, doc, {
    WebSocketPolyfill: webSocketWithCookie(target.cookie),
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  });
  // Each provider listens for the process's exit: a test with a dozen clients is not leaking listeners.
  process.setMaxListeners(process.getMaxListeners() + 1);
  let destroyed = false;
  const client: YjsClient = {
    doc,
    text: doc.getText('content'),
    provider,
    synced: () => waitFor(() => provider.synced, `client ${doc.clientID} to sync`),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
      process.setMaxListeners(process.getMaxListeners() - 1);
    },
  };
  onTestFinished(() => client.destroy());
  return client;
}
