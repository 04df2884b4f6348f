import { expect } from 'vitest';
import type { CreateWorkshopInput, GuestJoinedResponse, Workshop, WorkshopResponse } from '../../shared/api';
import type { StakeholderKind } from '../../shared/roles';
import { apiRequest, sessionCookieOf, type TestUser } from './accounts';

/** A workshop of `projectId`, made by a facilitator or owner of it: an after-action review today unless told otherwise. */
export async function createWorkshop(facilitator: TestUser, projectId: string, input: Partial<CreateWorkshopInput> = {}): Promise<Workshop> {
  const response = await facilitator.api('POST', `/projects/${projectId}/workshops`, {
    title: 'After-action review of the dry season',
    date: new Date().toISOString().slice(0, 10),
    format: 'after_action_review',
    ...input,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as WorkshopResponse).workshop;
}

/** Someone joining with the workshop's code, as a guest: a session that reaches that workshop only. */
export async function joinAsGuest(
  baseUrl: string,
  code: string,
  guest: { name: string; organisation: string; kind?: StakeholderKind },
): Promise<Pick<TestUser, 'id' | 'cookie' | 'api'>> {
  const response = await apiRequest(baseUrl, 'POST', `/workshop-invitations/${code}/join`, { kind: 'local_expertise', ...guest });
  expect(response.status, await response.clone().text()).toBe(201);
  const cookie = sessionCookieOf(response);
  const me = (await (await apiRequest(baseUrl, 'GET', '/auth/me', undefined, cookie)).json()) as { user: { id: string } };
  expect(((await response.json()) as GuestJoinedResponse).workshopId).toBeTruthy();
  return { id: me.user.id, cookie, api: (method, path, body) => apiRequest(baseUrl, method, path, body, cookie) };
}
