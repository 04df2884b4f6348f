import { z } from 'zod';
import { ROLES } from '../roles';
import { organisationSchema } from './accounts';
import { idSchema, timestampSchema } from './common';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const INVITATION_MAX_DAYS = 60;

export const createInvitationInputSchema = z
  .object({
    role: z.enum(ROLES),
    organisationId: idSchema.optional(),
    /** Days the link stays valid; 14 unless said. */
    expiresInDays: z.number().int().min(1).max(INVITATION_MAX_DAYS).optional(),
  })
  .strict();
export type CreateInvitationInput = z.input<typeof createInvitationInputSchema>;

export const invitationSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  role: z.enum(ROLES),
  organisation: organisationSchema.nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema,
  status: z.enum(INVITATION_STATUSES),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Returned once, at creation: the token is not stored in clear and cannot be shown again. */
export const createdInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  token: z.string(),
  /** Path of the page that accepts it: `/join/<token>`. */
  path: z.string(),
});
export type CreatedInvitationResponse = z.infer<typeof createdInvitationResponseSchema>;

export const invitationListResponseSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationListResponse = z.infer<typeof invitationListResponseSchema>;

/** What someone opening the link sees before accepting. */
export const invitationPreviewSchema = z.object({
  projectTitle: z.string(),
  role: z.enum(ROLES),
  organisation: organisationSchema.nullable(),
  invitedBy: z.string(),
  expiresAt: timestampSchema,
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export const invitationPreviewResponseSchema = z.object({ invitation: invitationPreviewSchema });

export const acceptInvitationResponseSchema = z.object({ projectId: idSchema });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;

/** Invitation tokens: 32 URL-safe characters. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);
