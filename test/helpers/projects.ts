import type { CreatedInvitationResponse, CreateInvitationInput, DocumentDetailResponse, Organisation } from '../../shared/api';
import { waitFor } from './wait-for';
import type { TestUser } from './accounts';

/** Creates an invitation as `inviter`, failing the test unless it is created. */
export async function invite(
  inviter: TestUser,
  projectId: string,
  input: CreateInvitationInput,
): Promise<CreatedInvitationResponse> {
  const response = await inviter.api('POST', `/projects/${projectId}/invitations`, input);
  if (response.status !== 201) throw new Error(`inviting answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedInvitationResponse;
}

/** Registers a new organisation as `user`; returns its id. */
export async function createOrganisation(
  user: TestUser,
  name = `Organisation ${Math.random().toString(36).slice(2, 8)}`,
): Promise<string> {
  const response = await user.api('POST', '/organisations', { name, kind: 'public_body', country: 'GH' });
  if (response.status !== 201) throw new Error(`creating an organisation answered ${response.status}`);
  return ((await response.json()) as { organisation: Organisation }).organisation.id;
}

/**
 * Waits until the server has recorded who edited a document: it reports
 * activity about a second after the edits, so a test comparing states
 * before and after something else must let it land first.
 */
export async function contributionsRecorded(viewer: TestUser, documentId: string): Promise<void> {
  await waitFor(async () => {
    const response = await viewer.api('GET', `/documents/${documentId}`);
    return ((await response.json()) as DocumentDetailResponse).document.contributors.length > 0;
  }, 'the edits to be recorded');
}
