/**
 * How a document's live messages reach the other server instances that have
 * the same document loaded. Messages published here are already durable:
 * receivers apply and relay them, they never store them again.
 */
export interface FanOutMessage {
  kind: 'update' | 'awareness';
  data: Uint8Array;
}

export interface FanOutSubscription {
  /** Sends to every other subscriber of the same document, never back to this one. */
  publish(message: FanOutMessage): void;
  unsubscribe(): void;
}

export interface FanOut {
  /**
   * `onMissed` is called when messages may have been missed — the
   * subscription has just become live, or the link to the other instances
   * came back — so the subscriber catches up from storage.
   */
  subscribe(documentId: string, onMessage: (message: FanOutMessage) => void, onMissed?: () => void): FanOutSubscription;
}

/** Text messages to every other instance (access changes), and from them. */
export interface Broadcast {
  publish(message: string): void;
  subscribe(onMessage: (message: string) => void): void;
}

/**
 * Fan-out between instances living in one process — what a single server
 * needs (each document has one subscriber, so nothing travels), and what
 * tests use to run two instances side by side. Redis replaces it across machines.
 */
export function createInProcessFanOut(): FanOut {
  const subscribers = new Map<string, Set<(message: FanOutMessage) => void>>();
  return {
    subscribe(documentId, onMessage) {
      let set = subscribers.get(documentId);
      if (!set) subscribers.set(documentId, (set = new Set()));
      set.add(onMessage);
      return {
        publish(message) {
          for (const other of subscribers.get(documentId) ?? []) if (other !== onMessage) other(message);
        },
        unsubscribe() {
          const current = subscribers.get(documentId);
          current?.delete(onMessage);
          if (current?.size === 0) subscribers.delete(documentId);
        },
      };
    },
  };
}
