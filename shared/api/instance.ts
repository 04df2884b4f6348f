import { z } from 'zod';
import { LANGUAGES, ROLES } from '../roles';
import { organisationSchema } from './accounts';
import { idSchema } from './common';

/** Whether anyone has an account yet: an empty instance offers the sample programme. */
export const instanceStatusResponseSchema = z.object({ empty: z.boolean() });
export type InstanceStatusResponse = z.infer<typeof instanceStatusResponseSchema>;

/** The language of whoever asks: the sample owner, whose account they take, gets it. */
export const demoInputSchema = z.object({ language: z.enum(LANGUAGES).optional() }).strict();
export type DemoInput = z.input<typeof demoInputSchema>;

/** One person of the sample programme, to log in as and try their role. */
export const demoLoginSchema = z.object({
  name: z.string(),
  email: z.string(),
  /** Their role in every sample project they belong to. */
  role: z.enum(ROLES),
  organisation: organisationSchema,
  language: z.enum(LANGUAGES),
});
export type DemoLogin = z.infer<typeof demoLoginSchema>;

/** Two passwords, so that a log-in handed out to try a role never opens the administrator's account. */
export const demoPasswordsSchema = z.object({
  /** The sample owner's own: the owner administers the instance. */
  owner: z.string(),
  /** Shared by every other sample account. */
  others: z.string(),
});
export type DemoPasswords = z.infer<typeof demoPasswordsSchema>;

export const demoResponseSchema = z.object({
  logins: z.array(demoLoginSchema),
  passwords: demoPasswordsSchema,
  projectIds: z.array(idSchema),
});
export type DemoResponse = z.infer<typeof demoResponseSchema>;
