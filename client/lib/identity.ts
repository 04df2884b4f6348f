import { z } from 'zod';
import type { Me } from '../../shared/api';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../shared/roles';
import { isHexColor } from './color';

/**
 * Who someone is to the others in a document: their account's name, and
 * their organisation's colour, name and kind, shown on their caret and in
 * the participants list.
 */
export interface Identity {
  name: string;
  color: string;
  organisation?: string;
  kind?: StakeholderKind;
  userId?: string;
}

export const NAME_MAX_LENGTH = 80;
export const ORGANISATION_NAME_MAX_LENGTH = 120;

/**
 * For people without an organisation, and the default of a new one: dark
 * enough that white text on them (the caret label) reads at WCAG AA, and far
 * enough apart in hue to tell people apart.
 */
export const PARTICIPANT_COLORS = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#4d7c0f',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#1d4ed8',
  '#6d28d9',
  '#be185d',
] as const;

/** Trims and collapses inner whitespace; an empty name is no name. */
export function normalizeName(raw: string, maxLength = NAME_MAX_LENGTH): string | null {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, maxLength);
  return name === '' ? null : name;
}

export function pickColor(random: () => number = Math.random): string {
  const index = Math.floor(random() * PARTICIPANT_COLORS.length) % PARTICIPANT_COLORS.length;
  return PARTICIPANT_COLORS[index] ?? PARTICIPANT_COLORS[0];
}

/** The same colour for the same key on every device, so a person keeps theirs across reloads. */
export function colorForKey(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PARTICIPANT_COLORS[hash % PARTICIPANT_COLORS.length] ?? PARTICIPANT_COLORS[0];
}

/** What the account says about you, as the others will see it. */
export function identityOf(me: Me): Identity {
  const { organisation } = me;
  return {
    name: me.name,
    color: organisation && isHexColor(organisation.color) ? organisation.color : colorForKey(me.id),
    userId: me.id,
    ...(organisation ? { organisation: organisation.name, kind: organisation.kind } : {}),
  };
}

const optionalText = (maxLength: number) =>
  z
    .string()
    .transform((value) => normalizeName(value, maxLength) ?? undefined)
    .optional()
    .catch(undefined);

const identitySchema = z.object({
  name: z.string().transform((value) => normalizeName(value)).pipe(z.string()),
  color: z.string().refine(isHexColor),
  organisation: optionalText(ORGANISATION_NAME_MAX_LENGTH),
  // A kind this client does not know (a newer server's) is dropped, not fatal.
  kind: z.enum(STAKEHOLDER_KINDS).optional().catch(undefined),
  userId: z.string().max(64).optional().catch(undefined),
});

/** An identity from another participant: untrusted, so checked; unknown extras are dropped. */
export function parseIdentity(value: unknown): Identity | null {
  const result = identitySchema.safeParse(value);
  if (!result.success) return null;
  const { name, color, organisation, kind, userId } = result.data;
  return {
    name,
    color,
    ...(organisation === undefined ? {} : { organisation }),
    ...(kind === undefined ? {} : { kind }),
    ...(userId === undefined ? {} : { userId }),
  };
}
