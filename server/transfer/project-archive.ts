import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { DocumentSummary, ExportFailure } from '../../shared/api';
import { fileSlug } from './file-names';

/**
 * A whole project as one zip, which is also a backup a partner can keep:
 *
 *   manifest.json          what the archive holds: the project, and every document, exported or failed and why
 *   project.json           the project and its contribution map
 *   documents/<name>.md    each document as Markdown (front matter, text, annotations as footnotes)
 *   documents/<name>.json  its metadata, history summary, attribution and discussion
 *
 * Documents are written one at a time, each compressed as soon as it is
 * made; one that fails is listed in the manifest with the reason and the
 * others carry on.
 */

export const ARCHIVE_FORMAT = 'ensemble-project-archive';
export const ARCHIVE_VERSION = 1;

export interface ArchivedDocument {
  markdown: string;
  /** Its metadata, history and attribution, written as JSON beside the Markdown. */
  metadata: unknown;
}

export interface ArchiveInput {
  project: { id: string; title: string } & Record<string, unknown>;
  documents: readonly DocumentSummary[];
  exportedAt: Date;
  exportedBy: { id: string; name: string };
  exportOne(document: DocumentSummary): Promise<ArchivedDocument>;
  /** Told after each document, written or failed. */
  onProgress?(completed: number, failures: readonly ExportFailure[]): void;
}

export async function writeProjectArchive(input: ArchiveInput): Promise<{ zip: Uint8Array; failures: ExportFailure[] }> {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else chunks.push(chunk);
  });
  const add = (path: string, data: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    file.push(strToU8(data), true);
  };

  const entries: unknown[] = [];
  const failures: ExportFailure[] = [];
  for (const [i, document] of input.documents.entries()) {
    // The id makes the name unique; the title makes it readable.
    const name = `${fileSlug(document.title, 'document')}-${document.id}`;
    const base = { id: document.id, title: document.title, kind: document.kind, status: document.status, language: document.language };
    try {
      const { markdown, metadata } = await input.exportOne(document);
      add(`documents/${name}.md`, markdown);
      add(`documents/${name}.json`, json(metadata));
      entries.push({ ...base, exported: true, markdown: `documents/${name}.md`, metadata: `documents/${name}.json` });
    } catch (error) {
      const failure = { documentId: document.id, title: document.title, error: error instanceof Error ? error.message : String(error) };
      failures.push(failure);
      entries.push({ ...base, exported: false, error: failure.error });
    }
    input.onProgress?.(i + 1, failures);
  }
  add('project.json', json(input.project));
  add(
    'manifest.json',
    json({
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: input.exportedAt.toISOString(),
      exportedBy: input.exportedBy,
      project: { id: input.project.id, title: input.project.title },
      documents: entries,
      failures,
    }),
  );
  zip.end();
  if (failed) throw failed;
  return { zip: new Uint8Array(Buffer.concat(chunks)), failures };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
