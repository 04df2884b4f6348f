import { z } from 'zod';
import { idSchema, timestampSchema } from './common';
import { contributorOrganisationSchema } from './documents';

/**
 * A document's history. Versions are taken automatically after a pause in
 * editing and every so many edits, named by people on demand, and recorded
 * when someone restores an earlier one (on top: nothing is rewritten).
 */
export const VERSION_KINDS = ['auto', 'named', 'restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_NAME_MAX_LENGTH = 200;

const personSchema = z.object({ userId: idSchema, name: z.string(), organisation: contributorOrganisationSchema.nullable() });
export type VersionPerson = z.infer<typeof personSchema>;

export const versionSchema = z.object({
  id: idSchema,
  /** 1 for the oldest version of a document, then one more for each. */
  number: z.number().int().positive(),
  kind: z.enum(VERSION_KINDS),
  /** A named version's name; null for the others. */
  name: z.string().nullable(),
  createdAt: timestampSchema,
  /** Who named it or restored; null for an automatic version. */
  createdBy: personSchema.nullable(),
  /** People whose edits this version holds that the one before did not. */
  editors: z.array(personSchema),
  /** For a restore: the version whose content it brought back. */
  restoredFrom: z.object({ id: idSchema, number: z.number().int().positive() }).nullable(),
  /** Characters of text in the document at this version. */
  characters: z.number().int().nonnegative(),
  /** What this version adds to storage: the changes since the version before, in bytes. */
  bytes: z.number().int().nonnegative(),
});
export type Version = z.infer<typeof versionSchema>;

export const versionListResponseSchema = z.object({
  /** Newest first. */
  versions: z.array(versionSchema),
});
export type VersionListResponse = z.infer<typeof versionListResponseSchema>;

export const createVersionInputSchema = z
  .object({ name: z.string().trim().min(1).max(VERSION_NAME_MAX_LENGTH) })
  .strict();
export type CreateVersionInput = z.infer<typeof createVersionInputSchema>;

export const versionResponseSchema = z.object({ version: versionSchema });
export type VersionResponse = z.infer<typeof versionResponseSchema>;

/** The whole document as it was at a version: a Yjs update (base64) to apply to an empty Y.Doc, to show read-only. */
export const versionContentResponseSchema = z.object({ version: versionSchema, update: z.string() });
export type VersionContentResponse = z.infer<typeof versionContentResponseSchema>;

/** Compare a version with `to`, or with the document as it is now when `to` is left out. */
export const compareVersionsQuerySchema = z.object({ to: idSchema.optional() }).strict();
export type CompareVersionsQuery = z.infer<typeof compareVersionsQuerySchema>;

export const CHANGES = ['same', 'inserted', 'deleted'] as const;
export type Change = (typeof CHANGES)[number];

/** A run of text that is the same in both versions, or only in the newer (inserted), or only in the older (deleted). */
const segmentSchema = z.object({
  text: z.string(),
  change: z.enum(CHANGES),
  /** Who wrote these characters; null for text nobody owns (a template's guidance). */
  userId: idSchema.nullable(),
});
export type DiffSegment = z.infer<typeof segmentSchema>;

/** A block of text (paragraph, heading, list item's paragraph…), in document order. */
const diffBlockSchema = z.object({
  /** The editor's node name: paragraph, heading, codeBlock… */
  type: z.string(),
  /** A heading's level. */
  level: z.number().int().positive().nullable(),
  /** How deep in lists and quotes it sits: 0 at the top. */
  depth: z.number().int().nonnegative(),
  segments: z.array(segmentSchema),
});
export type DiffBlock = z.infer<typeof diffBlockSchema>;

export const versionComparisonResponseSchema = z.object({
  from: versionSchema,
  /** Null: compared with the document as it is now. */
  to: versionSchema.nullable(),
  blocks: z.array(diffBlockSchema),
  /** Characters inserted and deleted between the two. */
  inserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  /** The people the segments name. */
  people: z.array(personSchema),
});
export type VersionComparison = z.infer<typeof versionComparisonResponseSchema>;

/** A restore: the new version holding the restored content, and the one that holds the content just before (restore it to undo). */
export const restoreResponseSchema = z.object({ restored: versionSchema, previous: versionSchema });
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;

/**
 * How authorship of the text changed over time: characters per person at
 * each point (each version of a document; for a project, each day a version
 * was taken, summing every document's latest version that day).
 */
export const contributionTimelineResponseSchema = z.object({
  points: z.array(
    z.object({
      at: timestampSchema,
      characters: z.array(z.object({ userId: idSchema, characters: z.number().int().nonnegative() })),
    }),
  ),
  people: z.array(personSchema),
});
export type ContributionTimeline = z.infer<typeof contributionTimelineResponseSchema>;
