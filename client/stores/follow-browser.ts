import { onCleanup } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';

export interface FollowBrowserOptions {
  /** The network is back: true to connect again (the caller may note it first), false to stay away. */
  networkBack(): boolean;
  /** Our presence, to publish again when the page comes back from the back-forward cache; none for a provider without presence. */
  presence?(): Record<string, unknown>;
}

/**
 * Tells a provider what the browser knows before its socket does: the
 * network lost (a phone's socket can look open for many seconds after its
 * network went; the browser's signals are quicker than the keep-alive) or
 * back, and the page closed or restored. Closing the tab or reloading runs
 * no cleanup: without an explicit goodbye the others keep seeing us until
 * the server notices the socket is gone. The listeners go with the calling
 * component.
 */
export function followBrowser(provider: WebsocketProvider, options: FollowBrowserOptions): void {
  const { awareness } = provider;
  const onOffline = () => {
    if (provider.ws === null) return;
    provider.disconnect();
    provider.connect();
  };
  const onOnline = () => {
    if (options.networkBack()) provider.connect();
  };
  const onPageHide = () => {
    if (options.presence) awareness.setLocalState(null);
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && options.presence) awareness.setLocalState(options.presence());
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  onCleanup(() => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  });
}
