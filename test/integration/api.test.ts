import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentResponse, documentDetailResponseSchema, projectListResponseSchema } from '../../shared/api';
import { ERROR_CODES, type ErrorBody } from '../../shared/errors';
import { createProject, type TestUser } from '../helpers/accounts';
import { expectError } from '../helpers/http';
import { startSharedTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startSharedTestServer>>;
let owner: TestUser;
let projectId: string;
let documentId: string;

beforeAll(async () => {
  server = await startSharedTestServer();
  owner = await server.signUp({ name: 'Owner' });
  projectId = await createProject(owner, 'Untouched');
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Untouched' });
  documentId = ((await created.json()) as DocumentResponse).document.id;
  return () => server.server.close();
});

/** A request as the owner with a raw body, so malformed JSON and streams can be sent. */
const raw = (method: string, path: string, body: BodyInit, type = 'application/json') =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    body,
    headers: { 'content-type': type, cookie: owner.cookie },
    duplex: 'half',
  } as RequestInit);

/** 80 KiB in chunks, so the request carries no Content-Length. */
function streamed(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 5) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

describe('generic HTTP behaviour', () => {
  it('answers GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/api/v1/documents/abc/children'],
    ['GET', '/api/v2/projects'],
    ['DELETE', `/api/v1/documents/abc`],
    ['POST', '/api/v1/auth/me'],
  ])('answers %s %s with a JSON 404, not the client app', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method, headers: { cookie: owner.cookie } });
    await expectError(response, 404, 'not_found');
  });

  it('refuses bad requests with a stable code, and none of them changes anything', async () => {
    const state = async () =>
      Promise.all(
        [
          '/projects',
          `/projects/${projectId}/documents`,
          `/documents/${documentId}`,
          `/projects/${projectId}/invitations`,
          '/auth/me',
        ].map(async (path) => (await owner.api('GET', path)).json()),
      );
    const before = await state();
    const invalid = 'validation_failed';
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      ['an id with forbidden characters', () => owner.api('GET', '/documents/bad!id'), 400, invalid],
      ['a project id with a space', () => owner.api('GET', '/projects/bad%20id'), 400, invalid],
      ['an id over 64 characters', () => owner.api('GET', `/projects/${'a'.repeat(65)}/members`), 400, invalid],
      ['a rename of a bad id', () => owner.api('PATCH', '/documents/bad!id', { title: 'x' }), 400, invalid],
      ['a project title that is a number', () => owner.api('POST', '/projects', { title: 5 }), 400, invalid],
      ['a project without a body', () => owner.api('POST', '/projects'), 400, invalid],
      ['a document title that is null', () => owner.api('PATCH', `/documents/${documentId}`, { title: null }), 400, invalid],
      ['a rename without a title', () => owner.api('PATCH', `/documents/${documentId}`, {}), 400, invalid],
      [
        'an unknown field on a document',
        () => owner.api('POST', `/projects/${projectId}/documents`, { title: 'x', id: 'mine' }),
        400,
        invalid,
      ],
      ['a body that is an array', () => owner.api('POST', '/projects', []), 400, invalid],
      ['a body that is null', () => owner.api('POST', '/projects', null), 400, invalid],
      [
        'a title of 201 characters',
        () => owner.api('PATCH', `/documents/${documentId}`, { title: 'x'.repeat(201) }),
        400,
        invalid,
      ],
      ['an unknown role', () => owner.api('POST', `/projects/${projectId}/invitations`, { role: 'admin' }), 400, invalid],
      [
        'an invitation valid for 0 days',
        () => owner.api('POST', `/projects/${projectId}/invitations`, { role: 'viewer', expiresInDays: 0 }),
        400,
        invalid,
      ],
      [
        'an invitation valid for 61 days',
        () => owner.api('POST', `/projects/${projectId}/invitations`, { role: 'viewer', expiresInDays: 61 }),
        400,
        invalid,
      ],
      ['invalid JSON on create', () => raw('POST', '/projects', '{"title": "unfinished'), 400, 'bad_request'],
      ['invalid JSON on rename', () => raw('PATCH', `/documents/${documentId}`, 'title=plain'), 400, 'bad_request'],
      [
        'a body over 64 KiB',
        () => owner.api('POST', '/projects', { title: 'x', summary: 'x'.repeat(70_000) }),
        413,
        'payload_too_large',
      ],
      [
        'a rename body over 64 KiB',
        () => owner.api('PATCH', `/documents/${documentId}`, { title: 'x'.repeat(70_000) }),
        413,
        'payload_too_large',
      ],
      ['a streamed body over 64 KiB', () => raw('POST', '/projects', streamed()), 413, 'payload_too_large'],
      ['a sign-up over 64 KiB', () => owner.api('POST', '/auth/signup', { name: 'x'.repeat(70_000) }), 413, 'payload_too_large'],
    ];
    const outcomes = [];
    for (const [what, send] of cases) {
      const response = await send();
      const body = (await response.json()) as ErrorBody;
      outcomes.push({ what, status: response.status, code: body.error?.code, hasMessage: (body.error?.message.length ?? 0) > 0 });
    }
    expect(outcomes).toEqual(cases.map(([what, , status, code]) => ({ what, status, code, hasMessage: true })));
    expect(await state()).toEqual(before);
  });

  it('answers with bodies that match the shared response schemas', async () => {
    expect(projectListResponseSchema.safeParse(await (await owner.api('GET', '/projects')).json()).success).toBe(true);
    expect(
      documentDetailResponseSchema.safeParse(await (await owner.api('GET', `/documents/${documentId}`)).json()).success,
    ).toBe(true);
  });
});

interface Operation {
  summary?: string;
  security?: Array<Record<string, unknown[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
  >;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

describe('GET /api/v1/openapi.json', () => {
  let doc: OpenApiDocument;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ path, method, op })),
    );

  beforeAll(async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await response.json()) as OpenApiDocument;
  });

  it('is an OpenAPI 3.1 document with the session cookie as its security scheme', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title.length).toBeGreaterThan(0);
    expect(doc.info.version.length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'ensemble_session' });
    expect(operations().length).toBeGreaterThanOrEqual(20);
  });

  it('describes every operation fully: path parameters, JSON bodies, one success and the error shape', () => {
    const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(httpMethods, where).toContain(method);
      expect(path, where).toMatch(/^\/[a-z]/);
      expect(op.summary?.length, where).toBeGreaterThan(0);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), where).toEqual(templated);
      expect(
        declared.every((p) => p.required === true),
        where,
      ).toBe(true);
      if (op.requestBody) expect(Object.keys(op.requestBody.content), where).toEqual(['application/json']);
      expect(
        Object.keys(op.responses).filter((s) => s.startsWith('2')),
        where,
      ).toHaveLength(1);
      for (const status of ['400', '401', '403', '404']) {
        const error = op.responses[status]?.content?.['application/json']?.schema?.properties?.error as {
          properties: { code: { enum: string[] } };
        };
        expect(error?.properties.code.enum, `${where} ${status}`).toEqual([...ERROR_CODES]);
      }
      for (const requirement of op.security ?? []) expect(Object.keys(requirement), where).toEqual(['session']);
    }
  });

  it('lists only routes the server serves', async () => {
    for (const { path, method } of operations()) {
      const concrete = path.replace(/\{token\}/g, 'x'.repeat(32)).replace(/\{\w+\}/g, 'placeholder0000');
      const response = await fetch(`${server.url}/api/v1${concrete}`, { method: method.toUpperCase() });
      const body = await response.text();
      expect(body, `${method.toUpperCase()} ${path}`).not.toContain('No route');
    }
  });
});
