import type { InvitationPreview } from '../../shared/api';

/**
 * Whether an invitation can still be accepted: the server's status, and the
 * clock for one that ran out since the page loaded.
 */
export function effectiveInvitationStatus(
  invitation: Pick<InvitationPreview, 'status' | 'expiresAt'>,
  now: Date,
): InvitationPreview['status'] {
  return invitation.status === 'pending' && new Date(invitation.expiresAt) <= now ? 'expired' : invitation.status;
}
