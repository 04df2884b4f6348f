import type { WebsocketProvider } from 'y-websocket';
import type { AwarenessChange } from '../../shared/protocol';

/**
 * Makes `provider` send only this tab's own presence. The stock provider
 * sends every awareness change it applies: the others' entries just as it
 * received them, and its own conclusion that someone silent for 30 s has
 * left. The server ignores the first (nothing newer in them), but each
 * cursor moved by any of N readers cost every phone an upload; and it
 * closes the socket for the second, since a tab speaks only for itself.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  const sendChange = provider._awarenessUpdateHandler;
  awareness.off('update', sendChange);
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  // Replaced on the provider too, so that its `destroy` removes this one.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const change = { added: own(added), updated: own(updated), removed: own(removed) };
    if (change.added.length + change.updated.length + change.removed.length > 0) sendChange(change, origin);
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}
