import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { MeResponse, Organisation, ProjectListResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { apiRequest, sessionCookieOf, type TestUser } from '../helpers/accounts';
import { adjustableClock, MINUTE_MS } from '../helpers/clock';
import { closeOf, openCollabSocket } from '../helpers/collab-socket';
import { expectError, jsonOf } from '../helpers/http';
import { startTestServer } from '../helpers/server';

const logIn = (baseUrl: string, email: string, password: string) =>
  apiRequest(baseUrl, 'POST', '/auth/login', { email, password });

async function me(baseUrl: string, cookie: string | undefined): Promise<Response> {
  return apiRequest(baseUrl, 'GET', '/auth/me', undefined, cookie);
}

describe('sign-up', () => {
  it('makes the first account the administrator, and no later one', async () => {
    const server = await startTestServer();
    const response = await apiRequest(server.url, 'POST', '/auth/signup', {
      name: '  Aïssata Diallo ',
      email: 'Aissata@Example.ORG',
      password: 'millet and sorghum',
      newOrganisation: { name: 'Sahel Seeds', kind: 'farmers_organisation', country: 'ml' },
    });
    const { user } = await jsonOf<MeResponse>(response, 201);
    expect(user).toMatchObject({
      name: 'Aïssata Diallo',
      email: 'aissata@example.org',
      language: 'en',
      isAdmin: true,
      organisation: { name: 'Sahel Seeds', kind: 'farmers_organisation', country: 'ML' },
    });
    // Signed in at once: the cookie it sets is a working session.
    expect((await jsonOf<MeResponse>(await me(server.url, sessionCookieOf(response)))).user).toEqual(user);

    const second = await apiRequest(server.url, 'POST', '/auth/signup', {
      name: 'Moussa',
      email: 'moussa@example.org',
      password: 'groundnut harvest',
      language: 'fr',
      organisationId: user.organisation!.id,
    });
    const { user: secondUser } = await jsonOf<MeResponse>(await me(server.url, sessionCookieOf(second)));
    expect(secondUser).toMatchObject({ isAdmin: false, language: 'fr', organisation: { id: user.organisation!.id } });
  });

  it('refuses an email already taken, whatever its case, with 409 email_taken', async () => {
    const server = await startTestServer();
    const first = await server.signUp({ email: 'kofi@example.org' });
    const again = await apiRequest(server.url, 'POST', '/auth/signup', {
      name: 'Someone else',
      email: ' KOFI@example.org ',
      password: 'another long password',
    });
    await expectError(again, 409, 'email_taken');
    // The first account keeps its password.
    expect((await logIn(server.url, 'kofi@example.org', first.password)).status).toBe(200);
    expect((await logIn(server.url, 'kofi@example.org', 'another long password')).status).toBe(401);
  });

  it.each([
    ['a password of 9 characters', { password: '123456789' }],
    ['a password over 200 characters', { password: 'x'.repeat(201) }],
    ['an email that is not one', { email: 'not-an-email' }],
    ['an empty name', { name: '   ' }],
    ['both an organisation and a new one', { organisationId: 'abc', newOrganisation: { name: 'X', kind: 'ngo', country: 'SN' } }],
    ['an organisation that does not exist', { organisationId: 'no-such-organisation' }],
    ['an unknown field', { isAdmin: true }],
  ])('refuses %s with 400 validation_failed and creates no account', async (_, change) => {
    const server = await startTestServer();
    const input = { name: 'Weak', email: 'weak@example.org', password: 'long enough password', ...change };
    await expectError(await apiRequest(server.url, 'POST', '/auth/signup', input), 400, 'validation_failed');
    const retry = await apiRequest(server.url, 'POST', '/auth/signup', {
      name: 'Weak',
      email: 'weak@example.org',
      password: 'long enough password',
    });
    // Nothing was kept: the email is free, and this is still the instance's first account.
    expect((await jsonOf<MeResponse>(retry, 201)).user.isAdmin).toBe(true);
  });
});

describe('log-in and log-out', () => {
  it('logs in with the right password, whatever the email’s case, and answers the same 401 for a wrong password or an unknown email', async () => {
    const server = await startTestServer();
    const person = await server.signUp({ email: 'amina@example.org' });
    await expectError(await logIn(server.url, 'amina@example.org', 'not the password'), 401, 'invalid_credentials');
    await expectError(await logIn(server.url, 'nobody@example.org', person.password), 401, 'invalid_credentials');
    const response = await logIn(server.url, 'AMINA@example.org', person.password);
    const { user } = await jsonOf<MeResponse>(response);
    expect(user.id).toBe(person.id);
    expect((await jsonOf<MeResponse>(await me(server.url, sessionCookieOf(response)))).user.id).toBe(person.id);
  });

  it('GET /auth/me answers 401 unauthenticated without a session or with an unknown one', async () => {
    const server = await startTestServer();
    await expectError(await me(server.url, undefined), 401, 'unauthenticated');
    await expectError(await me(server.url, 'ensemble_session=forged-token-of-the-right-length'), 401, 'unauthenticated');
  });

  it('logging out ends this session only, and clears the cookie', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    const other = sessionCookieOf(await logIn(server.url, person.email, person.password));
    const response = await person.api('POST', '/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/ensemble_session=;.*Max-Age=0/i);
    await expectError(await me(server.url, person.cookie), 401, 'unauthenticated');
    expect((await me(server.url, other)).status).toBe(200);
  });
});

describe('password change', () => {
  it('logs out every other session and keeps the current one; the old password stops working', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    const others = [
      sessionCookieOf(await logIn(server.url, person.email, person.password)),
      sessionCookieOf(await logIn(server.url, person.email, person.password)),
    ];
    const bystander = await server.signUp();
    const response = await person.api('POST', '/auth/password', {
      currentPassword: person.password,
      newPassword: 'a much better passphrase',
    });
    expect(response.status).toBe(204);
    expect((await me(server.url, person.cookie)).status).toBe(200);
    for (const cookie of others) await expectError(await me(server.url, cookie), 401, 'unauthenticated');
    expect((await me(server.url, bystander.cookie)).status).toBe(200);
    await expectError(await logIn(server.url, person.email, person.password), 401, 'invalid_credentials');
    expect((await logIn(server.url, person.email, 'a much better passphrase')).status).toBe(200);
  });

  it('refuses a wrong current password (401) or a weak new one (400), and changes nothing', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    const other = sessionCookieOf(await logIn(server.url, person.email, person.password));
    const wrong = await person.api('POST', '/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'whatever new one',
    });
    await expectError(wrong, 401, 'invalid_credentials');
    const weak = await person.api('POST', '/auth/password', { currentPassword: person.password, newPassword: 'short' });
    await expectError(weak, 400, 'validation_failed');
    expect((await me(server.url, other)).status).toBe(200);
    expect((await logIn(server.url, person.email, person.password)).status).toBe(200);
  });
});

describe('profile', () => {
  it('changes name, language and organisation, and refuses an unknown organisation', async () => {
    const server = await startTestServer();
    const person = await server.signUp({ name: 'Before' });
    const created = await person.api('POST', '/organisations', { name: 'Cooperative Nord', kind: 'ngo', country: 'BF' });
    const { organisation } = await jsonOf<{ organisation: Organisation }>(created, 201);

    const response = await person.api('PATCH', '/auth/me', { name: ' After ', language: 'es', organisationId: organisation.id });
    const { user } = await jsonOf<MeResponse>(response);
    expect(user).toMatchObject({
      name: 'After',
      language: 'es',
      organisation: { id: organisation.id, name: 'Cooperative Nord' },
    });
    expect((await jsonOf<MeResponse>(await person.api('GET', '/auth/me'))).user).toEqual(user);

    await expectError(await person.api('PATCH', '/auth/me', { organisationId: 'no-such-organisation' }), 404, 'not_found');
    await expectError(await person.api('PATCH', '/auth/me', { language: 'de' }), 400, 'validation_failed');
    await expectError(await person.api('PATCH', '/auth/me', { isAdmin: true }), 400, 'validation_failed');
    expect((await jsonOf<MeResponse>(await person.api('GET', '/auth/me'))).user).toEqual(user);
  });
});

/**
 * A log-in sent from a given local address, to tell addresses apart, or as if
 * through a proxy that set X-Forwarded-For.
 */
function logInFrom(
  baseUrl: string,
  from: { localAddress?: string; forwardedFor?: string },
  email: string,
  password: string,
): Promise<number> {
  const body = JSON.stringify({ email, password });
  const forwarded: Record<string, string> = from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {};
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/v1/auth/login`,
      {
        method: 'POST',
        localAddress: from.localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...forwarded },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.setTimeout(5000, () => request.destroy(new Error('no answer')));
    request.on('error', reject);
    request.end(body);
  });
}

describe('log-in throttling', () => {
  it('locks an account after 5 failures, even against the right password, until the window has passed', async () => {
    const clock = adjustableClock();
    const server = await startTestServer({}, { clock: clock.now });
    const person = await server.signUp();
    const neighbour = await server.signUp();
    for (let i = 0; i < 5; i++) {
      await expectError(await logIn(server.url, person.email, `wrong password ${i}`), 401, 'invalid_credentials');
    }
    const locked = await logIn(server.url, person.email, person.password);
    const retryAfter = Number(locked.headers.get('retry-after'));
    await expectError(locked, 429, 'too_many_attempts');
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account from the same address is not affected.
    expect((await logIn(server.url, neighbour.email, neighbour.password)).status).toBe(200);

    clock.advance(14 * MINUTE_MS);
    await expectError(await logIn(server.url, person.email, person.password), 429, 'too_many_attempts');
    clock.advance(MINUTE_MS + 1000);
    expect((await logIn(server.url, person.email, person.password)).status).toBe(200);
  });

  it('forgets an account’s failures once it logs in', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    for (const round of [1, 2]) {
      for (let i = 0; i < 4; i++) expect((await logIn(server.url, person.email, `wrong ${round}.${i}`)).status).toBe(401);
      expect((await logIn(server.url, person.email, person.password)).status).toBe(200);
    }
  });

  it('locks an address after 20 failures across accounts, even for an account with no failure of its own', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    // Four failures on each of five unknown accounts: no account reaches its own limit. Each claims
    // another X-Forwarded-For: without TRUST_PROXY that is the client's word, and changes nothing.
    const attempts = Array.from({ length: 20 }, (_, i) =>
      logInFrom(server.url, { localAddress: '127.0.0.1', forwardedFor: `198.51.100.${i}` }, `unknown-${i % 5}@example.org`, 'guessing'),
    );
    expect(await Promise.all(attempts)).toEqual(Array(20).fill(401));
    const locked = await logIn(server.url, person.email, person.password);
    await expectError(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Linux routes all of 127/8 to the loopback: another address is not locked out.
    if (process.platform === 'linux') {
      expect(await logInFrom(server.url, { localAddress: '127.0.0.2' }, person.email, person.password)).toBe(200);
    }
  });

  it('behind a trusted proxy (TRUST_PROXY), locks the forwarded client address, not the proxy and its other clients', async () => {
    const server = await startTestServer({ TRUST_PROXY: '1' });
    const person = await server.signUp();
    const attempts = Array.from({ length: 20 }, (_, i) =>
      logInFrom(server.url, { forwardedFor: '198.51.100.7' }, `unknown-${i % 5}@example.org`, 'guessing'),
    );
    expect(await Promise.all(attempts)).toEqual(Array(20).fill(401));
    expect(await logInFrom(server.url, { forwardedFor: '198.51.100.7' }, person.email, person.password)).toBe(429);
    // A forged entry before the proxy's own does not get the guesser out.
    expect(await logInFrom(server.url, { forwardedFor: '203.0.113.1, 198.51.100.7' }, person.email, person.password)).toBe(429);
    // Others behind the same proxy are not locked out.
    expect(await logInFrom(server.url, { forwardedFor: '198.51.100.8' }, person.email, person.password)).toBe(200);
  });
});

describe('sessions', () => {
  it('expire after SESSION_TTL_SECONDS: /auth/me answers 401 and the websocket is refused with 4401', async () => {
    const clock = adjustableClock();
    const server = await startTestServer({ SESSION_TTL_SECONDS: '3600' }, { clock: clock.now });
    const documentId = await server.createDocument();
    const owner = await server.owner();
    const target = { wsUrl: server.wsUrl, cookie: owner.cookie };

    clock.advance(3599 * 1000);
    expect((await me(server.url, owner.cookie)).status).toBe(200);
    const before = openCollabSocket(target, documentId);
    await before.received('sync-step1');

    clock.advance(2000);
    await expectError(await me(server.url, owner.cookie), 401, 'unauthenticated');
    const after = openCollabSocket(target, documentId);
    expect((await closeOf(after)).code).toBe(CloseCode.unauthenticated);
    expect(after.messages).toEqual([]);
    // A fresh log-in works again.
    expect((await logIn(server.url, owner.email, owner.password)).status).toBe(200);
  });

  it('close a websocket that was opened before the session expired, once it has', async () => {
    const clock = adjustableClock();
    const server = await startTestServer({ SESSION_TTL_SECONDS: '3600', PING_INTERVAL_MS: '100' }, { clock: clock.now });
    const documentId = await server.createDocument();
    const owner = await server.owner();
    const open = openCollabSocket({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId);
    await open.received('sync-step1');
    await new Promise((r) => setTimeout(r, 250));
    expect(open.isClosed()).toBe(false);

    clock.advance(3601 * 1000);
    expect((await open.closed).code).toBe(CloseCode.unauthenticated);
  });

  it.each([
    [
      'signing up',
      (server: { url: string }) =>
        apiRequest(server.url, 'POST', '/auth/signup', { name: 'N', email: 'n@example.org', password: 'long enough password' }),
    ],
    [
      'logging in',
      async (server: { url: string; signUp(): Promise<TestUser> }) => {
        const person = await server.signUp();
        return logIn(server.url, person.email, person.password);
      },
    ],
  ])('set a cookie on %s that scripts cannot read and other sites do not send: HttpOnly, SameSite=Lax', async (_, act) => {
    const server = await startTestServer({ SESSION_TTL_SECONDS: '7200' });
    const cookie = (await act(server)).headers.get('set-cookie') ?? '';
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^ensemble_session=[A-Za-z0-9_-]{32}$/i);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain('max-age=7200');
    expect(attributes).not.toContain('secure');
  });

  it('marks the cookie Secure when SECURE_COOKIES is true', async () => {
    const server = await startTestServer({ SECURE_COOKIES: 'true' });
    const response = await apiRequest(server.url, 'POST', '/auth/signup', {
      name: 'N',
      email: 'n@example.org',
      password: 'long enough password',
    });
    expect(response.status).toBe(201);
    expect((response.headers.get('set-cookie') ?? '').split(';').map((a) => a.trim().toLowerCase())).toContain('secure');
  });
});

describe('requests from other sites', () => {
  /** A request as `person` with chosen headers, as a page on another site could make the browser send. */
  const send = (
    server: { url: string },
    person: TestUser,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ) => fetch(`${server.url}/api/v1${path}`, { method, headers: { cookie: person.cookie, ...headers }, body });

  const json = { 'content-type': 'application/json' };

  it('refuses a state-changing request with a foreign Origin or Referer with 403 cross_site_request, changing nothing', async () => {
    const server = await startTestServer();
    const person = await server.signUp({ name: 'Unchanged' });
    const projects = async () => (await jsonOf<ProjectListResponse>(await person.api('GET', '/projects'))).projects;
    const project = JSON.stringify({ title: 'Planted by another site' });
    const foreign: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      await expectError(
        await send(server, person, 'POST', '/projects', { ...json, ...headers }, project),
        403,
        'cross_site_request',
      );
      await expectError(
        await send(server, person, 'PATCH', '/auth/me', { ...json, ...headers }, '{"name":"Renamed"}'),
        403,
        'cross_site_request',
      );
      await expectError(await send(server, person, 'POST', '/auth/logout', headers), 403, 'cross_site_request');
    }
    expect(await projects()).toEqual([]);
    expect((await jsonOf<MeResponse>(await person.api('GET', '/auth/me'))).user.name).toBe('Unchanged');

    // The same request from the app's own origin goes through.
    const own = await send(server, person, 'POST', '/projects', { ...json, origin: server.url }, project);
    expect(own.status).toBe(201);
    expect((await projects()).map((p) => p.title)).toEqual(['Planted by another site']);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'title=Planted'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nPlanted\r\n--x--\r\n'],
    ['text/plain', '{"title":"Planted"}'],
  ])('refuses a %s body, which a plain form can send, with 403 and creates nothing', async (type, body) => {
    const server = await startTestServer();
    const person = await server.signUp();
    await expectError(await send(server, person, 'POST', '/projects', { 'content-type': type }, body), 403, 'cross_site_request');
    expect((await jsonOf<ProjectListResponse>(await person.api('GET', '/projects'))).projects).toEqual([]);
  });
});
