import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type { CreateInvitationInput, Invitation } from '../../shared/api';
import type { ApiClient } from '../lib/api';
import { loaded } from './loaded';

/** An invitation just made, with the one link that accepts it: the server cannot show it again. */
export interface NewInvitation {
  invitation: Invitation;
  url: string;
}

export interface InvitationsStore {
  invitations: Resource<Invitation[]>;
  reload(): void;
  /** The last invitation created on this page, until another one is. */
  latest: Accessor<NewInvitation | null>;
  create(input: CreateInvitationInput): Promise<NewInvitation>;
  /** Marks it revoked at once; puts it back and rethrows if the server refuses. */
  revoke(invitationId: string): Promise<void>;
}

/**
 * A project's invitations. Loaded only while `enabled` is true: only
 * facilitators and owners may see them, and asking otherwise is a 403.
 */
export function createInvitationsStore(api: ApiClient, projectId: string, enabled: Accessor<boolean>): InvitationsStore {
  const [invitations, { refetch, mutate }] = createResource(
    () => enabled() || undefined,
    () => api.listInvitations(projectId),
  );
  const [latest, setLatest] = createSignal<NewInvitation | null>(null);

  const setStatus = (invitationId: string, status: Invitation['status']) =>
    mutate((list) => list?.map((invitation) => (invitation.id === invitationId ? { ...invitation, status } : invitation)));

  return {
    invitations,
    reload: () => void refetch(),
    latest,
    async create(input) {
      const created = await api.createInvitation(projectId, input);
      const result = { invitation: created.invitation, url: new URL(created.path, window.location.origin).href };
      mutate((list) => [created.invitation, ...(list ?? [])]);
      setLatest(result);
      return result;
    },
    async revoke(invitationId) {
      const before = loaded(invitations)?.find((invitation) => invitation.id === invitationId);
      setStatus(invitationId, 'revoked');
      try {
        await api.revokeInvitation(projectId, invitationId);
      } catch (error) {
        if (before) setStatus(invitationId, before.status);
        throw error;
      }
    },
  };
}
