import { createContext, useContext, type JSX } from 'solid-js';
import { createApiClient, type ApiClient } from '../lib/api';
import { forgetOutboxes } from '../lib/discussion-outbox';
import { forgetLocalCopies } from '../lib/local-copies';
import { createLocaleStore, type LocaleStore } from './locale';
import { createSessionStore, type SessionStore } from './session';

/** What every page needs, created once for the whole app. */
export interface AppServices {
  api: ApiClient;
  locale: LocaleStore;
  session: SessionStore;
}

const AppContext = createContext<AppServices>();

export function AppProvider(props: { children: JSX.Element }) {
  const locale = createLocaleStore();
  // A 401 from any request means the session is gone; the route guard then sends the visitor to log in.
  const api = createApiClient({ onUnauthenticated: () => session.expire() });
  const session: SessionStore = createSessionStore(api, locale, {
    // Discussion changes waiting for a connection are their writer's only: forgotten once they log out, or someone else signs in here.
    onSignedIn: (me) => forgetOutboxes((owner) => owner !== me.id),
    async onLoggedOut(me, { forgetCopies }) {
      forgetOutboxes((owner) => owner === me.id);
      if (forgetCopies) await forgetLocalCopies(me.id);
    },
  });
  return <AppContext.Provider value={{ api, locale, session }}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() called outside <AppProvider>');
  return services;
}
