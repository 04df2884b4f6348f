import { z } from 'zod';
import { ROLES } from '../roles';
import { organisationSchema } from './accounts';
import { idSchema, timestampSchema } from './common';

export const PROJECT_STATUSES = ['planned', 'active', 'closed'] as const;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const tagListSchema = z.array(z.string().trim().min(1).max(60)).max(30);

export const createProjectInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** The programme this project belongs to, by name; projects of one programme are shown together. */
    programme: z.string().trim().max(120).optional(),
    summary: z.string().trim().max(4000).optional(),
    countries: z.array(z.string().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase())).max(60).optional(),
    themes: tagListSchema.optional(),
    startsOn: dateSchema.nullable().optional(),
    endsOn: dateSchema.nullable().optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
  })
  .strict();
export type CreateProjectInput = z.input<typeof createProjectInputSchema>;

export const updateProjectInputSchema = createProjectInputSchema.partial().strict();
export type UpdateProjectInput = z.input<typeof updateProjectInputSchema>;

export const projectSchema = z.object({
  id: idSchema,
  title: z.string(),
  programme: z.string(),
  summary: z.string(),
  countries: z.array(z.string()),
  themes: z.array(z.string()),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  partners: z.array(organisationSchema),
  /** The caller's role in this project. */
  myRole: z.enum(ROLES),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Project = z.infer<typeof projectSchema>;

export const projectResponseSchema = z.object({ project: projectSchema });
export type ProjectResponse = z.infer<typeof projectResponseSchema>;
export const projectListResponseSchema = z.object({ projects: z.array(projectSchema) });
export type ProjectListResponse = z.infer<typeof projectListResponseSchema>;

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  /** Shown to those who manage members, and to the member themself; null for everyone else. */
  email: z.string().nullable(),
  organisation: organisationSchema.nullable(),
  role: z.enum(ROLES),
  joinedAt: timestampSchema,
});
export type Member = z.infer<typeof memberSchema>;
export const memberListResponseSchema = z.object({ members: z.array(memberSchema) });
export type MemberListResponse = z.infer<typeof memberListResponseSchema>;
export const memberResponseSchema = z.object({ member: memberSchema });

export const updateMemberInputSchema = z.object({ role: z.enum(ROLES) }).strict();
export type UpdateMemberInput = z.input<typeof updateMemberInputSchema>;

export const addPartnerInputSchema = z.object({ organisationId: idSchema }).strict();
export type AddPartnerInput = z.input<typeof addPartnerInputSchema>;
