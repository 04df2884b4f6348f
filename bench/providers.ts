import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { sendOwnPresenceOnly } from '../client/lib/own-presence';

/**
 * How a client talks to a server, each with the provider its own users run.
 * The reference server speaks the y-websocket protocol, one document per
 * socket named by the URL, with the stock provider. Ensemble speaks the same
 * protocol, and its document page sends only its own presence
 * (`client/lib/own-presence.ts`) where the stock provider sends back every
 * entry it applies. Hocuspocus prefixes every message with the document's
 * name and asks for a token first, so its clients use its own provider.
 */
export type Protocol = 'y-websocket' | 'ensemble' | 'hocuspocus';

/** What a benchmark client needs of a provider, whichever it is. */
export interface BenchProvider {
  /** Whether the first sync with the server is done. */
  readonly synced: boolean;
  /** The client's presence, which the provider renews every 15 s. */
  readonly awareness: Awareness;
  /** Called each time the first sync of a connection completes. */
  onSynced(listener: () => void): void;
  /** Called with the close code each time the socket closes. */
  onClose(listener: (code: number | null) => void): void;
  destroy(): void;
}

export interface ProviderTarget {
  wsUrl: string;
  documentId: string;
  /** Headers of the websocket upgrade, e.g. a session cookie. */
  wsHeaders: Record<string, string>;
}

/** Opens the provider of the protocol's own library for `doc`, set up as its users' is; it connects at once. */
export function openProvider(protocol: Protocol, target: ProviderTarget, doc: Y.Doc): BenchProvider {
  const WebSocketClass = webSocketWithHeaders(target.wsHeaders);
  if (protocol === 'hocuspocus') return openHocuspocus(target, doc, WebSocketClass);
  return openYWebsocket(target, doc, WebSocketClass, protocol === 'ensemble');
}

function openYWebsocket(
  target: ProviderTarget,
  doc: Y.Doc,
  WebSocketPolyfill: typeof globalThis.WebSocket,
  ownPresenceOnly: boolean,
): BenchProvider {
  const provider = new WebsocketProvider(target.wsUrl, target.documentId, doc, { WebSocketPolyfill, disableBc: true });
  if (ownPresenceOnly) sendOwnPresenceOnly(provider);
  return {
    get synced() {
      return provider.synced;
    },
    awareness: provider.awareness,
    onSynced: (listener) => provider.on('sync', (synced: boolean) => synced && listener()),
    onClose: (listener) => provider.on('connection-close', (event: CloseEvent | null) => listener(event?.code ?? null)),
    destroy: () => provider.destroy(),
  };
}

function openHocuspocus(target: ProviderTarget, doc: Y.Doc, WebSocketPolyfill: typeof globalThis.WebSocket): BenchProvider {
  // One socket per client, as a browser tab has: the same number of sockets as the other targets' clients.
  const socket = new HocuspocusProviderWebsocket({ url: target.wsUrl, WebSocketPolyfill });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.documentId, document: doc });
  provider.attach();
  return {
    get synced() {
      return provider.isSynced;
    },
    awareness: provider.awareness!,
    onSynced: (listener) => provider.on('synced', ({ state }: { state: boolean }) => state && listener()),
    onClose: (listener) => socket.on('close', ({ event }: { event: CloseEvent }) => listener(event?.code ?? null)),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** When the frame being dispatched was read off its socket (`process.hrtime.bigint()`); null outside a dispatch. */
let arrivalOfDispatch: bigint | null = null;

/**
 * When the message whose handlers are running arrived: a provider applies a
 * remote update synchronously while its message is dispatched, so a listener
 * on the Y.Doc's `update` event reads here when that update reached this client.
 */
export function arrivalOfCurrentMessage(): bigint | null {
  return arrivalOfDispatch;
}

/**
 * The `ws` WebSocket, sending the target's headers (a session cookie) with the
 * upgrade as a browser would. It notes when each frame is read off the socket
 * and hands it to the provider on the next turn, in order: every frame that
 * arrived together is timed before any client's Yjs work, so that a hundred
 * clients in one process do not add each other's work to the latency of the
 * server under test. Closes and errors take the same queue, so that none
 * overtakes a message.
 */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WithHeaders extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message' && event !== 'close' && event !== 'error') return super.emit(event, ...args);
      const arrivedNs = process.hrtime.bigint();
      setImmediate(() => {
        arrivalOfDispatch = arrivedNs;
        try {
          super.emit(event, ...args);
        } finally {
          arrivalOfDispatch = null;
        }
      });
      return this.listenerCount(event) > 0;
    }
  }
  return WithHeaders as unknown as typeof globalThis.WebSocket;
}
