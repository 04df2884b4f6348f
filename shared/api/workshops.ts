import { z } from 'zod';
import { LANGUAGES, STAKEHOLDER_KINDS } from '../roles';
import {
  ALL_WORKSHOP_COLUMNS,
  CLUSTER_TITLE_MAX_LENGTH,
  MAX_STEP_MINUTES,
  MAX_STEPS,
  MAX_VOTE_BUDGET,
  NOTE_MAX_LENGTH,
  WORKSHOP_FORMATS,
  WORKSHOP_METHODS,
} from '../workshops/formats';
import { idSchema, timestampSchema } from './common';
import { documentSummarySchema, documentTitleSchema } from './documents';

const stepSchema = z.object({ method: z.enum(WORKSHOP_METHODS), minutes: z.number().int().min(1).max(MAX_STEP_MINUTES) }).strict();

/** A new workshop: its agenda is the format's unless given. */
export const createWorkshopInputSchema = z
  .object({
    title: documentTitleSchema.pipe(z.string().min(1)),
    objective: z.string().trim().max(1000).default(''),
    date: z.iso.date(),
    format: z.enum(WORKSHOP_FORMATS),
    steps: z.array(stepSchema).min(1).max(MAX_STEPS).optional(),
    voteBudget: z.number().int().min(1).max(MAX_VOTE_BUDGET).optional(),
  })
  .strict();
export type CreateWorkshopInput = z.input<typeof createWorkshopInputSchema>;

/** What one person may do in a workshop, as the server decides it. */
export const WORKSHOP_ROLES = ['facilitator', 'participant', 'guest', 'observer'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];

export const workshopSchema = z.object({
  /** The workshop is a document of kind `workshop` in its project: the same id. */
  id: idSchema,
  projectId: idSchema,
  title: z.string(),
  date: z.string(),
  format: z.enum(WORKSHOP_FORMATS),
  /** Only for those who facilitate: the code guests join with, while the workshop is open to them. */
  guestCode: z.string().nullable(),
  /** When guests' access ends (the end of the workshop's day, or when it was ended). */
  guestAccessUntil: timestampSchema,
  ended: z.boolean(),
  notes: z.number().int().nonnegative(),
});
export type Workshop = z.infer<typeof workshopSchema>;

export const workshopListResponseSchema = z.object({ workshops: z.array(workshopSchema) });
export type WorkshopListResponse = z.infer<typeof workshopListResponseSchema>;

export const workshopResponseSchema = z.object({ workshop: workshopSchema });
export type WorkshopResponse = z.infer<typeof workshopResponseSchema>;

/** The workshop as one person sees it: their role, their notes and their dots (which the board does not show before the reveal). */
export const workshopDetailResponseSchema = z.object({
  workshop: workshopSchema,
  me: z.object({
    userId: idSchema,
    role: z.enum(WORKSHOP_ROLES),
    /** Whether they may group notes into clusters: facilitators, and participants who may edit the project's documents. */
    canCluster: z.boolean(),
    /** Notes this person wrote, anonymous ones included. */
    notes: z.array(idSchema),
    /** Dots this person placed, by note. */
    votes: z.record(idSchema, z.number().int().positive()),
    votesLeft: z.number().int().nonnegative(),
  }),
  /** The server's clock (ms since the epoch) when it answered: timers count down to the server's moments. */
  serverTime: z.number(),
});
export type WorkshopDetailResponse = z.infer<typeof workshopDetailResponseSchema>;

const noteTextSchema = z.string().trim().min(1).max(NOTE_MAX_LENGTH);

export const createNoteInputSchema = z
  .object({ column: z.enum(ALL_WORKSHOP_COLUMNS as [string, ...string[]]), text: noteTextSchema, anonymous: z.boolean().default(false) })
  .strict();
export type CreateNoteInput = z.input<typeof createNoteInputSchema>;
export const noteCreatedResponseSchema = z.object({ noteId: idSchema });

export const editNoteInputSchema = z.object({ text: noteTextSchema }).strict();
export type EditNoteInput = z.infer<typeof editNoteInputSchema>;

/** Puts a note in a cluster of its column, or takes it out (null). */
export const placeNoteInputSchema = z.object({ clusterId: idSchema.nullable() }).strict();
export type PlaceNoteInput = z.infer<typeof placeNoteInputSchema>;

const clusterTitleSchema = z.string().trim().min(1).max(CLUSTER_TITLE_MAX_LENGTH);
export const createClusterInputSchema = z
  .object({ column: z.enum(ALL_WORKSHOP_COLUMNS as [string, ...string[]]), title: clusterTitleSchema, noteIds: z.array(idSchema).max(100).default([]) })
  .strict();
export type CreateClusterInput = z.input<typeof createClusterInputSchema>;
export const clusterCreatedResponseSchema = z.object({ clusterId: idSchema });
export const renameClusterInputSchema = z.object({ title: clusterTitleSchema }).strict();
export type RenameClusterInput = z.infer<typeof renameClusterInputSchema>;

/** How many of one's dots go on a note (0 takes them back). */
export const voteInputSchema = z.object({ count: z.number().int().min(0).max(MAX_VOTE_BUDGET) }).strict();
export type VoteInput = z.infer<typeof voteInputSchema>;
export const voteResponseSchema = z.object({ votesLeft: z.number().int().nonnegative() });

/** What only a facilitator may do: move the agenda, run the timer, reveal, lock, end. */
export const facilitationInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('step'), step: z.number().int().min(0).max(MAX_STEPS - 1) }).strict(),
  z.object({ action: z.literal('timer'), command: z.enum(['start', 'pause', 'resume', 'reset']) }).strict(),
  z.object({ action: z.literal('extend'), minutes: z.number().int().min(1).max(60) }).strict(),
  z.object({ action: z.literal('reveal'), what: z.enum(['authors', 'votes']) }).strict(),
  z.object({ action: z.literal('lock'), locked: z.boolean() }).strict(),
  z.object({ action: z.literal('end') }).strict(),
]);
export type FacilitationInput = z.infer<typeof facilitationInputSchema>;

/** The group's work written up: a new lessons-learned record, or a section added to an existing capitalisation note. */
export const synthesisInputSchema = z
  .object({
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('new') }).strict(),
      z.object({ kind: z.literal('section'), documentId: idSchema }).strict(),
    ]),
    /** The most voted clusters (and unclustered notes) taken, at most. */
    top: z.number().int().min(1).max(50).default(5),
  })
  .strict();
export type SynthesisInput = z.input<typeof synthesisInputSchema>;
export const synthesisResponseSchema = z.object({ document: documentSummarySchema });

/** What a guest sees before joining: enough to know they are in the right place. */
export const guestInvitationResponseSchema = z.object({ workshop: z.object({ title: z.string(), date: z.string(), projectTitle: z.string() }) });
export type GuestInvitationResponse = z.infer<typeof guestInvitationResponseSchema>;

export const joinAsGuestInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    organisation: z.string().trim().min(1).max(120),
    kind: z.enum(STAKEHOLDER_KINDS),
    /** The language the guest reads in; their documents and messages from the server use it. */
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type JoinAsGuestInput = z.infer<typeof joinAsGuestInputSchema>;
export const guestJoinedResponseSchema = z.object({ workshopId: idSchema });
export type GuestJoinedResponse = z.infer<typeof guestJoinedResponseSchema>;

/** Guest codes: six letters and digits, without look-alikes; case does not matter. */
export const GUEST_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const guestCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'a code is six letters and digits'));
