import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/api';
import { ApiError, type ApiClient } from '../lib/api';
import type { LocaleStore } from './locale';
import { createSessionStore } from './session';

const me: Me = { id: 'u1', name: 'Awa', email: 'awa@example.org', language: 'fr', isAdmin: false, organisation: null, guestOf: null };

function fakeLocale() {
  const chosen: string[] = [];
  const locale = { setLocale: (language: string) => chosen.push(language) } as unknown as LocaleStore;
  return { locale, chosen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeApi(overrides: Partial<ApiClient>): ApiClient {
  return overrides as ApiClient;
}

describe('createSessionStore', () => {
  it('is signed out when the server does not know the session', async () => {
    const { locale } = fakeLocale();
    const session = createSessionStore(
      fakeApi({ getMe: () => Promise.reject(new ApiError(401, 'unauthenticated', 'log in')) }),
      locale,
    );
    expect(session.status()).toBe('loading');
    await settle();
    expect(session.status()).toBe('signed-out');
    expect(session.user()).toBeNull();
  });

  it('is signed in, in the account’s language, when it does', async () => {
    const { locale, chosen } = fakeLocale();
    const session = createSessionStore(fakeApi({ getMe: () => Promise.resolve(me) }), locale);
    await settle();
    expect(session.status()).toBe('signed-in');
    expect(session.user()).toEqual(me);
    expect(chosen).toEqual(['fr']);
  });

  it('reports other failures as an error to retry, not as logged out', async () => {
    const { locale } = fakeLocale();
    const session = createSessionStore(
      fakeApi({ getMe: () => Promise.reject(new ApiError(0, 'network_error', 'offline')) }),
      locale,
    );
    await settle();
    expect(session.status()).toBe('error');
    expect(session.loadError()).toBeInstanceOf(ApiError);
  });

  it('forgets the user when the session expires', async () => {
    const { locale } = fakeLocale();
    const session = createSessionStore(fakeApi({ getMe: () => Promise.resolve(me) }), locale);
    await settle();
    session.expire();
    expect(session.status()).toBe('signed-out');
    expect(session.user()).toBeNull();
  });

  it('logs in and applies the account’s language', async () => {
    const { locale, chosen } = fakeLocale();
    const session = createSessionStore(
      fakeApi({
        getMe: () => Promise.reject(new ApiError(401, 'unauthenticated', 'log in')),
        logIn: () => Promise.resolve({ ...me, language: 'es' }),
      }),
      locale,
    );
    await settle();
    await session.logIn({ email: 'awa@example.org', password: 'x' });
    expect(session.status()).toBe('signed-in');
    expect(chosen).toEqual(['es']);
  });

  it('tells who signs in, and who logs out, so what was theirs on this browser can go', async () => {
    const { locale } = fakeLocale();
    const seen: string[] = [];
    const session = createSessionStore(
      fakeApi({
        getMe: () => Promise.reject(new ApiError(401, 'unauthenticated', 'log in')),
        logIn: () => Promise.resolve(me),
        logOut: () => Promise.resolve(),
      }),
      locale,
      {
        onSignedIn: (who) => seen.push(`in:${who.id}`),
        onLoggedOut: async (who, { forgetCopies }) => {
          await settle();
          seen.push(`out:${who.id}:${forgetCopies}`);
        },
      },
    );
    await settle();
    await session.logIn({ email: 'awa@example.org', password: 'x' });
    await session.logOut();
    await session.logIn({ email: 'awa@example.org', password: 'x' });
    // Logging out ends once what must go has gone.
    await session.logOut({ forgetCopies: true });
    expect(seen).toEqual(['in:u1', 'out:u1:false', 'in:u1', 'out:u1:true']);
    expect(session.status()).toBe('signed-out');
  });
});
