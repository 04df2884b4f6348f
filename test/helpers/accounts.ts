import { randomBytes } from 'node:crypto';
import type { CreatedInvitationResponse, MeResponse, ProjectResponse, SignUpInput } from '../../shared/api';
import type { Role } from '../../shared/roles';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** `ensemble_session=…`, for fetch and websocket requests. */
  cookie: string;
  organisationId: string | null;
  /** A JSON request to `/api/v1<path>` as this person. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A JSON request to the API, optionally with a session cookie. */
export function apiRequest(baseUrl: string, method: string, path: string, body?: unknown, cookie?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function sessionCookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /ensemble_session=[^;]*/.exec(header);
  if (!match) throw new Error(`no session cookie in the response (${response.status})`);
  return match[0];
}

export function asUser(baseUrl: string, me: MeResponse['user'], password: string, cookie: string): TestUser {
  return {
    id: me.id,
    email: me.email,
    password,
    cookie,
    organisationId: me.organisation?.id ?? null,
    api: (method, path, body) => apiRequest(baseUrl, method, path, body, cookie),
  };
}

/** Signs up a new person (in a new organisation unless one is given) and returns them logged in. */
export async function signUp(baseUrl: string, input: Partial<SignUpInput> = {}): Promise<TestUser> {
  const unique = randomBytes(4).toString('hex');
  const password = input.password ?? `correct horse ${unique}`;
  const body: SignUpInput = {
    name: input.name ?? `Person ${unique}`,
    email: input.email ?? `person-${unique}@example.org`,
    password,
    ...(input.organisationId
      ? { organisationId: input.organisationId }
      : { newOrganisation: input.newOrganisation ?? { name: `Organisation ${unique}`, kind: 'ngo', country: 'SN' } }),
  };
  const response = await apiRequest(baseUrl, 'POST', '/auth/signup', body);
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const { user } = (await response.json()) as MeResponse;
  return asUser(baseUrl, user, password, sessionCookieOf(response));
}

export async function createProject(user: TestUser, title = 'Test project'): Promise<string> {
  const response = await user.api('POST', '/projects', { title });
  if (response.status !== 201) throw new Error(`creating a project answered ${response.status}`);
  return ((await response.json()) as ProjectResponse).project.id;
}

/** Brings `user` into the project with `role` the way people do: an invitation link they accept. */
export async function addMember(inviter: TestUser, projectId: string, user: TestUser, role: Role): Promise<void> {
  const created = await inviter.api('POST', `/projects/${projectId}/invitations`, { role });
  if (created.status !== 201) throw new Error(`inviting answered ${created.status}: ${await created.text()}`);
  const { token } = (await created.json()) as CreatedInvitationResponse;
  const accepted = await user.api('POST', `/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accepting answered ${accepted.status}: ${await accepted.text()}`);
}
