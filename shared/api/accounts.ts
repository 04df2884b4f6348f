import { z } from 'zod';
import { LANGUAGES, STAKEHOLDER_KINDS } from '../roles';
import { idSchema } from './common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(STAKEHOLDER_KINDS),
  /** ISO 3166-1 alpha-2 code, upper case. */
  country: z.string(),
  color: colorSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

export const createOrganisationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(STAKEHOLDER_KINDS),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'a country is a two-letter ISO code')
      .transform((c) => c.toUpperCase()),
    color: colorSchema.optional(),
  })
  .strict();
export type CreateOrganisationInput = z.input<typeof createOrganisationInputSchema>;

export const organisationListResponseSchema = z.object({ organisations: z.array(organisationSchema) });
export type OrganisationListResponse = z.infer<typeof organisationListResponseSchema>;
export const organisationResponseSchema = z.object({ organisation: organisationSchema });

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('not an email address')
  .transform((e) => e.toLowerCase());
const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const personNameSchema = z.string().trim().min(1).max(80);

export const meSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  language: z.enum(LANGUAGES),
  isAdmin: z.boolean(),
  organisation: organisationSchema.nullable(),
  /** A guest's account reaches this one workshop (a document id) and nothing else; null for everyone else. */
  guestOf: idSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;
export const meResponseSchema = z.object({ user: meSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const signUpInputSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    language: z.enum(LANGUAGES).optional(),
    /** An existing organisation, or a new one to create; optional when an invitation names one. */
    organisationId: idSchema.optional(),
    newOrganisation: createOrganisationInputSchema.optional(),
  })
  .strict()
  .refine((v) => !(v.organisationId && v.newOrganisation), 'choose an organisation or create one, not both');
export type SignUpInput = z.input<typeof signUpInputSchema>;

export const logInInputSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict();
export type LogInInput = z.input<typeof logInInputSchema>;

export const changePasswordInputSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: passwordSchema })
  .strict();
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;

export const updateProfileInputSchema = z
  .object({ name: personNameSchema.optional(), language: z.enum(LANGUAGES).optional(), organisationId: idSchema.optional() })
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileInputSchema>;
