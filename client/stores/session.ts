import { batch, createSignal, type Accessor } from 'solid-js';
import type { ChangePasswordInput, LogInInput, Me, SignUpInput, UpdateProfileInput } from '../../shared/api';
import type { Language } from '../../shared/roles';
import { ApiError, type ApiClient } from '../lib/api';
import type { SessionStatus } from '../lib/route-access';
import type { LocaleStore } from './locale';

export interface SessionStore {
  status: Accessor<SessionStatus>;
  /** The person logged in; null while loading, logged out or unknown. */
  user: Accessor<Me | null>;
  /** Why the session could not be checked (status `error`). */
  loadError: Accessor<unknown>;
  reload(): void;
  logIn(input: LogInInput): Promise<Me>;
  signUp(input: SignUpInput): Promise<Me>;
  /** Ends the session on the server, then does what `choices` asks on this browser. */
  logOut(choices?: LogOutChoices): Promise<void>;
  updateProfile(input: UpdateProfileInput): Promise<Me>;
  changePassword(input: ChangePasswordInput): Promise<void>;
  /** The interface language, kept in the account too when logged in. */
  chooseLanguage(language: Language): void;
  /** The server no longer knows this session (a 401 anywhere). */
  expire(): void;
}

export interface LogOutChoices {
  /** Also delete the copies of documents this person's browser keeps (a shared computer). */
  forgetCopies: boolean;
}

/** What else must happen when people come and go on this browser. */
export interface SessionHooks {
  /** Someone is signed in: logged in, signed up, or found so on loading. */
  onSignedIn?(me: Me): void;
  /** They logged out here; logging out ends once what this returns has settled. */
  onLoggedOut?(me: Me, choices: LogOutChoices): void | Promise<void>;
}

/**
 * Who is logged in. The session itself is an httpOnly cookie the page never
 * sees: this only mirrors what the server answers. The account's language
 * becomes the interface's on logging in.
 */
export function createSessionStore(api: ApiClient, locale: LocaleStore, hooks: SessionHooks = {}): SessionStore {
  const [status, setStatus] = createSignal<SessionStatus>('loading');
  const [user, setUser] = createSignal<Me | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);

  const signedIn = (me: Me, applyLanguage: boolean) => {
    batch(() => {
      setUser(me);
      setStatus('signed-in');
      setLoadError(null);
    });
    if (applyLanguage) locale.setLocale(me.language);
    hooks.onSignedIn?.(me);
    return me;
  };
  const signedOut = () =>
    batch(() => {
      setUser(null);
      setStatus('signed-out');
    });

  const load = async () => {
    setStatus('loading');
    try {
      signedIn(await api.getMe(), true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthenticated') return signedOut();
      batch(() => {
        setLoadError(() => error);
        setStatus('error');
      });
    }
  };
  void load();

  return {
    status,
    user,
    loadError,
    reload: () => void load(),
    logIn: async (input) => signedIn(await api.logIn(input), true),
    // The form's language was the interface's already.
    signUp: async (input) => signedIn(await api.signUp(input), false),
    async logOut(choices = { forgetCopies: false }) {
      const me = user();
      await api.logOut();
      try {
        if (me) await hooks.onLoggedOut?.(me, choices);
      } finally {
        signedOut();
      }
    },
    async updateProfile(input) {
      return signedIn(await api.updateMe(input), input.language !== undefined);
    },
    changePassword: (input) => api.changePassword(input),
    chooseLanguage(language) {
      locale.setLocale(language);
      const me = user();
      if (!me || me.language === language) return;
      // A preference: if it cannot be saved now, the interface still switches and the next choice tries again.
      api
        .updateMe({ language })
        .then((updated) => signedIn(updated, false))
        .catch(() => undefined);
    },
    expire() {
      if (status() === 'signed-in') signedOut();
    },
  };
}
