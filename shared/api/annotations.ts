import { z } from 'zod';
import { ANNOTATION_KINDS, THREAD_STATUSES } from '../annotations/discussion';
import { idSchema, timestampSchema } from './common';

export const MESSAGE_MAX_LENGTH = 10_000;
export const QUOTE_MAX_LENGTH = 2_000;
export const MENTIONS_MAX = 20;
/** An encoded Yjs relative position, base64: a few dozen bytes in practice. */
const relativePositionSchema = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a base64 relative position').max(512);

const anchorSchema = z.object({ start: relativePositionSchema, end: relativePositionSchema }).strict();
const bodySchema = z.string().trim().min(1).max(MESSAGE_MAX_LENGTH);
/** Project members the message mentions; the server keeps only those who are members. */
const mentionsSchema = z.array(idSchema).max(MENTIONS_MAX).default([]);

export const createThreadInputSchema = z
  .object({
    kind: z.enum(ANNOTATION_KINDS),
    anchor: anchorSchema,
    quote: z.string().max(QUOTE_MAX_LENGTH),
    body: z.string().trim().max(MESSAGE_MAX_LENGTH).default(''),
    mentions: mentionsSchema,
    citation: z
      .object({ text: z.string().trim().min(1).max(1000), url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null) })
      .strict()
      .optional(),
    suggestion: z.string().max(QUOTE_MAX_LENGTH).optional(),
  })
  .strict()
  .refine((input) => input.kind !== 'evidence' || input.citation !== undefined, 'evidence needs a citation')
  .refine((input) => input.kind !== 'suggestion' || input.suggestion !== undefined, 'a suggestion needs its proposed text')
  .refine((input) => input.kind === 'suggestion' || input.kind === 'evidence' || input.body.length > 0, 'say something');
export type CreateThreadInput = z.input<typeof createThreadInputSchema>;

export const replyInputSchema = z.object({ body: bodySchema, mentions: mentionsSchema }).strict();
export type ReplyInput = z.input<typeof replyInputSchema>;

export const editMessageInputSchema = z.object({ body: bodySchema, mentions: mentionsSchema }).strict();
export type EditMessageInput = z.input<typeof editMessageInputSchema>;

/** New relative positions for a thread whose words the editor rewrote (a paragraph split or joined). */
export const reanchorInputSchema = z.object({ anchor: anchorSchema }).strict();
export type ReanchorInput = z.infer<typeof reanchorInputSchema>;

/** The characters an editor's client wrote when accepting a suggestion, to be credited to the suggestion's author. */
export const creditInputSchema = z
  .object({
    clientId: z.number().int().nonnegative().max(2 ** 32 - 1),
    clock: z.number().int().nonnegative(),
    length: z.number().int().positive().max(QUOTE_MAX_LENGTH * 2),
  })
  .strict();
export type CreditInput = z.infer<typeof creditInputSchema>;

export const threadStatusInputSchema = z.object({ status: z.enum(THREAD_STATUSES) }).strict();
export type ThreadStatusInput = z.infer<typeof threadStatusInputSchema>;

export const threadCreatedResponseSchema = z.object({ threadId: idSchema, messageId: idSchema });
export type ThreadCreatedResponse = z.infer<typeof threadCreatedResponseSchema>;
export const messageCreatedResponseSchema = z.object({ messageId: idSchema });
export type MessageCreatedResponse = z.infer<typeof messageCreatedResponseSchema>;

export const NOTIFICATION_KINDS = ['mention', 'reply', 'suggestion_accepted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  actorName: z.string(),
  documentId: idSchema,
  documentTitle: z.string(),
  threadId: idSchema,
  /** The first words of the message or annotation it is about. */
  excerpt: z.string(),
  createdAt: timestampSchema,
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsResponseSchema = z.object({ notifications: z.array(notificationSchema), unread: z.number().int() });
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

/** Marks some notifications read, or all of them when `ids` is left out. */
export const markReadInputSchema = z.object({ ids: z.array(idSchema).max(500).optional() }).strict();
export type MarkReadInput = z.infer<typeof markReadInputSchema>;
