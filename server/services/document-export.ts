import type * as Y from 'yjs';
import { discussionRoom, listThreads } from '../../shared/annotations/discussion';
import { type DocumentSummary, EXPORT_CONTENT_TYPES, type ExportFormat } from '../../shared/api';
import { findProject } from '../storage/projects-repository';
import { docFromStored } from '../storage/stored-doc';
import { type ExportModel, type ExportSource, exportModel } from '../transfer/export-model';
import { fileSlug } from '../transfer/file-names';
import { renderHtml } from '../transfer/render-html';
import { renderMarkdown } from '../transfer/render-markdown';
import { documentContributions } from './attribution';
import type { Actor, ServiceDeps } from './context';
import { authorizeDocument, summarize } from './documents';

/**
 * A document as a file to download, in one of four formats, each laid out
 * from the same model (server/transfer/export-model.ts) by its renderer.
 */

export interface ExportOptions {
  /** Whether the annotations come along as numbered notes. */
  annotations: boolean;
  /** The address the platform is reached at, for links to other documents. */
  baseUrl: string;
}

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Uint8Array | string;
}

const RENDERERS: Record<ExportFormat, (model: ExportModel) => string | Promise<Uint8Array>> = {
  md: renderMarkdown,
  html: renderHtml,
  // Loaded on first use: their libraries (layout, fonts, zip) take more time and memory to load than the rest of the server.
  docx: async (model) => (await import('../transfer/render-docx')).renderDocx(model),
  pdf: async (model) => (await import('../transfer/render-pdf')).renderPdf(model),
};

export async function exportDocument(deps: ServiceDeps, actor: Actor, documentId: string, format: ExportFormat, options: ExportOptions): Promise<ExportedFile> {
  const source = await exportSource(deps, actor, documentId, options);
  return {
    filename: `${fileSlug(source.document.title, 'document')}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    body: await RENDERERS[format](exportModel(source)),
  };
}

/**
 * Everything a document's export is made from, read as storage holds it:
 * its summary, project, contribution map, content and (when asked) its
 * discussion. The content is read from storage, not loaded into a session,
 * so exporting a whole project passes each document through once.
 */
export async function exportSource(deps: ServiceDeps, actor: Actor, documentId: string, options: ExportOptions): Promise<ExportSource & { document: DocumentSummary }> {
  const { row } = await authorizeDocument(deps, actor, documentId, 'document.read');
  const [[document], project, contributions] = await Promise.all([
    summarize(deps, [row]),
    findProject(deps.db, row.project_id),
    documentContributions(deps, actor, documentId),
  ]);
  // Every update the server accepted is stored before anyone sees it, once the current batch is committed.
  await deps.documentStore.flush();
  const content = await storedDoc(deps, documentId);
  const threads = options.annotations ? listThreads(await storedDoc(deps, discussionRoom(documentId))) : null;
  return {
    document: document!,
    project: { title: project?.title ?? '', programme: project?.programme ?? '' },
    contributions,
    content,
    threads,
    exportedAt: new Date(deps.clock()),
    documentUrl: (id) => `${options.baseUrl}/d/${encodeURIComponent(id)}`,
  };
}

async function storedDoc(deps: ServiceDeps, roomId: string): Promise<Y.Doc> {
  return docFromStored(await deps.documentStore.load(roomId), () => {});
}
