import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, KNOWLEDGE_KINDS } from '../knowledge/kinds';
import { LANGUAGES, ROLES, STAKEHOLDER_KINDS } from '../roles';
import { idSchema, timestampSchema } from './common';

/** Document ids are URL-safe so they can sit in `/collab/:documentId` as they are. */
export const documentIdSchema = idSchema;

export const TITLE_MAX_LENGTH = 200;

export const documentTitleSchema = z.string().trim().max(TITLE_MAX_LENGTH);

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);
export const languageSchema = z.enum(LANGUAGES);

export const LABEL_MAX_LENGTH = 60;
export const LABELS_MAX = 20;
/** Themes and tags: short labels, trimmed, without repeats (kept in the order given). */
export const labelsSchema = z
  .array(z.string().trim().min(1).max(LABEL_MAX_LENGTH))
  .max(LABELS_MAX)
  .transform((labels) => [...new Set(labels)]);

/** A new document: its kind decides the template it starts from, in `language` (the creator's by default). */
export const createDocumentInputSchema = z
  .object({ title: documentTitleSchema.optional(), kind: z.enum(KNOWLEDGE_KINDS).optional(), language: languageSchema.optional() })
  .strict();
export type CreateDocumentInput = z.infer<typeof createDocumentInputSchema>;

export const updateDocumentInputSchema = z
  .object({ title: documentTitleSchema.optional(), themes: labelsSchema.optional(), tags: labelsSchema.optional(), language: languageSchema.optional() })
  .strict()
  .refine((input) => Object.keys(input).length > 0, 'nothing to change');
export type UpdateDocumentInput = z.infer<typeof updateDocumentInputSchema>;

export const changeStatusInputSchema = z.object({ status: documentStatusSchema }).strict();
export type ChangeStatusInput = z.infer<typeof changeStatusInputSchema>;

/** An organisation that wrote in a document, derived from who edited it. */
export const contributorOrganisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(STAKEHOLDER_KINDS),
  color: z.string(),
});
export type ContributorOrganisation = z.infer<typeof contributorOrganisationSchema>;

export const documentSummarySchema = z.object({
  id: idSchema,
  projectId: idSchema,
  title: z.string(),
  kind: documentKindSchema,
  status: documentStatusSchema,
  /** Who moved the document to its status, and when; null while it has never moved. */
  statusChange: z.object({ byName: z.string(), at: timestampSchema }).nullable(),
  language: languageSchema,
  themes: z.array(z.string()),
  tags: z.array(z.string()),
  contributors: z.array(contributorOrganisationSchema),
  createdAt: timestampSchema,
  /** Last activity: the last stored edit or change of metadata. */
  updatedAt: timestampSchema,
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Another document as a link shows it: its title follows renames, since links hold ids. */
export const linkedDocumentSchema = z.object({
  id: idSchema,
  title: z.string(),
  kind: documentKindSchema,
  status: documentStatusSchema,
  /** For a promotion: the trial-and-error entry the lessons-learned record was made from. */
  entryId: z.string().nullable(),
});
export type LinkedDocument = z.infer<typeof linkedDocumentSchema>;

export const documentLinksResponseSchema = z.object({
  /** Documents this one mentions, or was promoted from. */
  outgoing: z.array(linkedDocumentSchema),
  /** Documents that mention this one, or were promoted from it. */
  backlinks: z.array(linkedDocumentSchema),
});
export type DocumentLinksResponse = z.infer<typeof documentLinksResponseSchema>;

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
