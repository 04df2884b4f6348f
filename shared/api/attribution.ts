import { z } from 'zod';
import { STAKEHOLDER_KINDS } from '../roles';
import { idSchema } from './common';
import { contributorOrganisationSchema } from './documents';


/** Whose each Yjs client id of a document is: the server records it when a person's update under that id is accepted. */
export const attributionResponseSchema = z.object({
  clients: z.array(
    z.object({
      clientId: z.number().int().nonnegative(),
      userId: idSchema,
      name: z.string(),
      organisation: contributorOrganisationSchema.nullable(),
    }),
  ),
  /** Characters typed under one client id but credited to someone else: accepted suggestions, to their authors. */
  credits: z.array(
    z.object({
      clientId: z.number().int().nonnegative(),
      clock: z.number().int().nonnegative(),
      length: z.number().int().positive(),
      userId: idSchema,
      name: z.string(),
      organisation: contributorOrganisationSchema.nullable(),
    }),
  ),
});
export type AttributionResponse = z.infer<typeof attributionResponseSchema>;

/**
 * One contributor's share: of the text as it stands (characters), of the
 * edits, of the discussion (messages), and of the workshops' boards (notes
 * signed with their name: an anonymous note stays nobody's here).
 */
const shareSchema = z.object({ characters: z.number().int(), edits: z.number().int(), messages: z.number().int(), notes: z.number().int() });

export const contributionMapSchema = z.object({
  /** Characters of the current text, edits stored, annotation messages and signed workshop notes written: the totals the shares divide. */
  totals: shareSchema.extend({ organisations: z.number().int(), stakeholderKinds: z.number().int() }),
  byOrganisation: z.array(shareSchema.extend({ organisation: contributorOrganisationSchema.nullable() })),
  byStakeholderKind: z.array(shareSchema.extend({ kind: z.enum(STAKEHOLDER_KINDS).nullable() })),
  byPerson: z.array(shareSchema.extend({ userId: idSchema, name: z.string(), organisationId: idSchema.nullable() })),
});
export type ContributionMap = z.infer<typeof contributionMapSchema>;
export const contributionMapResponseSchema = z.object({ contributions: contributionMapSchema });
export type ContributionMapResponse = z.infer<typeof contributionMapResponseSchema>;
