import { z } from 'zod';
import { ROLES } from '../roles';
import { idSchema, timestampSchema } from './common';

/** Document ids are URL-safe so they can sit in `/collab/:documentId` as they are. */
export const documentIdSchema = idSchema;

export const TITLE_MAX_LENGTH = 200;

export const documentTitleSchema = z.string().trim().max(TITLE_MAX_LENGTH);

export const createDocumentInputSchema = z.object({ title: documentTitleSchema.optional() }).strict();
export type CreateDocumentInput = z.infer<typeof createDocumentInputSchema>;

export const updateDocumentInputSchema = z.object({ title: documentTitleSchema }).strict();
export type UpdateDocumentInput = z.infer<typeof updateDocumentInputSchema>;

export const documentSummarySchema = z.object({
  id: idSchema,
  projectId: idSchema,
  title: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** A document as its page needs it: with the reader's role, which decides whether they may type. */
export const documentDetailSchema = documentSummarySchema.extend({
  projectTitle: z.string(),
  myRole: z.enum(ROLES),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const documentListResponseSchema = z.object({ documents: z.array(documentSummarySchema) });
export type DocumentListResponse = z.infer<typeof documentListResponseSchema>;

export const documentResponseSchema = z.object({ document: documentSummarySchema });
export type DocumentResponse = z.infer<typeof documentResponseSchema>;

export const documentDetailResponseSchema = z.object({ document: documentDetailSchema });
export type DocumentDetailResponse = z.infer<typeof documentDetailResponseSchema>;
