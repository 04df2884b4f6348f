import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type Fetch } from './api';

const summary = { id: 'abc', projectId: 'p1', title: 'Notes', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z' };

function recordingFetch(response: () => Response) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchImpl: Fetch = async (url, init) => {
    calls.push({ url, init });
    return response();
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const headerOf = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);

describe('createApiClient', () => {
  it('searches with the words and the chosen filters in the query string, cancellable', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(200, { results: [], more: false }));
    const controller = new AbortController();
    const answer = await createApiClient({ fetch: fetchImpl }).search({ q: ' évaluation & co ', kind: 'lessons', limit: 8 }, controller.signal);
    expect(answer).toEqual({ results: [], more: false });
    expect(calls[0]?.url).toBe('/api/v1/search?q=%C3%A9valuation+%26+co&kind=lessons&limit=8&offset=0');
    controller.abort();
    expect(calls[0]?.init?.signal?.aborted).toBe(true);
  });

  it('refuses a search without words before asking', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(200, {}));
    const error = await caught(createApiClient({ fetch: fetchImpl }).search({ q: '  ' }));
    expect(error.code).toBe('validation_failed');
    expect(calls).toHaveLength(0);
  });

  it('lists a project’s documents, sending the session cookie', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(200, { documents: [summary] }));
    expect(await createApiClient({ fetch: fetchImpl }).listDocuments('p 1')).toEqual([summary]);
    expect(calls[0]?.url).toBe('/api/v1/projects/p%201/documents');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
  });

  it('sends the trimmed title as JSON when renaming', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(200, { document: summary }));
    await createApiClient({ fetch: fetchImpl }).updateDocument('a b', { title: '  Notes ' });
    expect(calls[0]?.url).toBe('/api/v1/documents/a%20b');
    expect(calls[0]?.init?.method).toBe('PATCH');
    expect(calls[0]?.init?.body).toBe('{"title":"Notes"}');
  });

  it('marks every state-changing request as JSON, even without a body, and accepts 204', async () => {
    const { calls, fetchImpl } = recordingFetch(() => new Response(null, { status: 204 }));
    await createApiClient({ fetch: fetchImpl }).revokeInvitation('p1', 'i1');
    expect(calls[0]?.url).toBe('/api/v1/projects/p1/invitations/i1');
    expect(calls[0]?.init?.method).toBe('DELETE');
    expect(headerOf(calls[0]?.init, 'content-type')).toBe('application/json');
  });

  it('sends the normalised sign-up (lower-case email, upper-case country)', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(201, { user: {} }));
    await createApiClient({ fetch: fetchImpl }).signUp({
      name: 'Awa',
      email: ' Awa@Example.org ',
      password: 'long enough password',
      newOrganisation: { name: 'FONGS', kind: 'farmers_organisation', country: 'sn' },
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toMatchObject({
      email: 'awa@example.org',
      newOrganisation: { country: 'SN' },
    });
  });

  it('turns an error body into an ApiError with its status and code', async () => {
    const { fetchImpl } = recordingFetch(() => json(404, { error: { code: 'not_found', message: 'no such document' } }));
    const error = await caught(createApiClient({ fetch: fetchImpl }).getDocument('x'));
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'no such document' });
  });

  it('reads how long to wait from a throttled login', async () => {
    const { fetchImpl } = recordingFetch(() =>
      json(429, { error: { code: 'too_many_attempts', message: 'slow down' } }, { 'retry-after': '300' }),
    );
    const error = await caught(createApiClient({ fetch: fetchImpl }).logIn({ email: 'a@b.org', password: 'x' }));
    expect(error).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfterSeconds: 300 });
  });

  it('reports a lost session to onUnauthenticated', async () => {
    const { fetchImpl } = recordingFetch(() => json(401, { error: { code: 'unauthenticated', message: 'log in' } }));
    let lost = 0;
    const api = createApiClient({ fetch: fetchImpl, onUnauthenticated: () => lost++ });
    expect((await caught(api.listProjects())).code).toBe('unauthenticated');
    expect(lost).toBe(1);
  });

  it('does not treat wrong credentials as a lost session', async () => {
    const { fetchImpl } = recordingFetch(() => json(401, { error: { code: 'invalid_credentials', message: 'no' } }));
    let lost = 0;
    const api = createApiClient({ fetch: fetchImpl, onUnauthenticated: () => lost++ });
    await caught(api.logIn({ email: 'a@b.org', password: 'x' }));
    expect(lost).toBe(0);
  });

  it('reports an answer that is not the API’s as unexpected_response', async () => {
    const { fetchImpl } = recordingFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await caught(createApiClient({ fetch: fetchImpl }).listProjects())).toMatchObject({
      status: 502,
      code: 'unexpected_response',
    });
  });

  it('reports a failed request as network_error with status 0', async () => {
    const fetchImpl: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await caught(createApiClient({ fetch: fetchImpl }).listProjects())).toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });

  it('rejects a title over the limit before sending it', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(201, { document: summary }));
    const error = await caught(createApiClient({ fetch: fetchImpl }).createDocument('p1', { title: 'x'.repeat(500) }));
    expect(error.code).toBe('validation_failed');
    expect(calls).toHaveLength(0);
  });

  it('asks for the written characters of an accepted suggestion to be credited, refusing an empty range before sending it', async () => {
    const { calls, fetchImpl } = recordingFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch: fetchImpl });
    await api.creditSuggestion('d1', 't1', { clientId: 42, clock: 7, length: 11 });
    expect(calls[0]?.url).toBe('/api/v1/documents/d1/threads/t1/credit');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe('{"clientId":42,"clock":7,"length":11}');
    expect((await caught(api.creditSuggestion('d1', 't1', { clientId: 42, clock: 7, length: 0 }))).code).toBe('validation_failed');
    expect(calls).toHaveLength(1);
  });

  it('compares a version with another one, or with the document as it is now when none is given', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(200, { blocks: [] }));
    const api = createApiClient({ fetch: fetchImpl });
    await api.compareVersions('d 1', 'v1', 'v 2');
    await api.compareVersions('d 1', 'v1', null);
    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/documents/d%201/versions/v1/comparison?to=v%202',
      '/api/v1/documents/d%201/versions/v1/comparison',
    ]);
  });

  it('names a version with its trimmed name, refusing an empty one before sending it', async () => {
    const { calls, fetchImpl } = recordingFetch(() => json(201, { version: { id: 'v1' } }));
    const api = createApiClient({ fetch: fetchImpl });
    expect(await api.nameVersion('d1', { name: ' Sent to the committee ' })).toEqual({ id: 'v1' });
    expect(calls[0]?.url).toBe('/api/v1/documents/d1/versions');
    expect(calls[0]?.init?.body).toBe('{"name":"Sent to the committee"}');
    expect((await caught(api.nameVersion('d1', { name: '   ' }))).code).toBe('validation_failed');
    expect(calls).toHaveLength(1);
  });
});
