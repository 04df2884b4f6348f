import { z } from 'zod';
import { documentIdSchema } from './documents';
import { idSchema, timestampSchema } from './common';

/** The formats a document exports to, each with the type its download is sent as. */
export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Query of GET /documents/:id/export: the format, and whether the annotations come along as footnotes. */
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default('md'),
  annotations: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

/** The largest file one may import; the request carries it in base64, a third larger. */
export const IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What the JSON around a file of IMPORT_MAX_FILE_BYTES weighs at most: its base64 and a name. */
export const IMPORT_MAX_BODY_BYTES = Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4 + 4096;

/** The file endings an import reads: Markdown and Word. */
export const IMPORT_EXTENSIONS = ['.md', '.markdown', '.docx'] as const;

/** A file to import as a new document: its name (whose ending says its format) and its bytes in base64. */
export const importInputSchema = z
  .object({
    filename: z.string().trim().min(1).max(255),
    content: z.string().max(IMPORT_MAX_BODY_BYTES).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content is the file in base64'),
  })
  .strict();
export type ImportInput = z.infer<typeof importInputSchema>;

/** A document that could not go into a project archive, and why. */
export const exportFailureSchema = z.object({ documentId: documentIdSchema, title: z.string(), error: z.string() });
export type ExportFailure = z.infer<typeof exportFailureSchema>;

/** A project archive being made: how far it got, and what failed so far. */
export const projectExportSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  /** Documents written so far, of `total`. */
  completed: z.number().int(),
  total: z.number().int(),
  /** 0 to 1. */
  progress: z.number(),
  done: z.boolean(),
  failures: z.array(exportFailureSchema),
  /** Why no archive could be made at all (the project could not be read); null otherwise. */
  error: z.string().nullable(),
  /** The archive's size once done. */
  bytes: z.number().int().nullable(),
  createdAt: timestampSchema,
});
export type ProjectExport = z.infer<typeof projectExportSchema>;
export const projectExportResponseSchema = z.object({ export: projectExportSchema });
export type ProjectExportResponse = z.infer<typeof projectExportResponseSchema>;
