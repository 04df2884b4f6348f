import * as Y from 'yjs';
import { type DocumentSummary, IMPORT_EXTENSIONS, IMPORT_MAX_FILE_BYTES, type ImportInput, TITLE_MAX_LENGTH } from '../../shared/api';
import { KNOWLEDGE_KINDS, type KnowledgeKind, TEMPLATE_SECTIONS, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { TEMPLATE_CLIENT_ID } from '../../shared/knowledge/template';
import { sectionText } from '../../shared/knowledge/template-text';
import { type Language, LANGUAGES } from '../../shared/roles';
import { fileTooLarge, unreadableFile, unsupportedFile } from '../errors';
import { insertCredits } from '../storage/attribution-repository';
import type { treeFromMarkdown } from '../transfer/from-markdown';
import { elementsFromTree } from '../transfer/to-ydoc';
import { type Block, plainText } from '../transfer/tree';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { createDocument } from './documents';
import { templateDoc } from './template-content';

/**
 * A Markdown or Word file as a new document of a project. Its structure
 * goes through the export tree (server/transfer/tree.ts) into the editor's
 * nodes: headings, lists, emphasis, links, quotes, code and tables are
 * kept; images become links (the editor has no image node). A Markdown
 * file exported by Ensemble comes back with its title, kind and language
 * from its front matter, and headings that match the kind's template are
 * its sections again. The text is written as the document's first update,
 * under the template's client id, and credited to the importer.
 */
export async function importDocument(deps: ServiceDeps, actor: Actor, projectId: string, input: ImportInput): Promise<DocumentSummary> {
  await authorize(deps, actor, projectId, 'document.create');
  const extension = /\.[^.]+$/.exec(input.filename.toLowerCase())?.[0] ?? '';
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw unsupportedFile(`Only Markdown (.md) and Word (.docx) files can be imported, not “${input.filename}”`);
  }
  const file = Buffer.from(input.content, 'base64');
  if (file.length > IMPORT_MAX_FILE_BYTES) {
    throw fileTooLarge(`The file is ${megabytes(file.length)} MB; files up to ${megabytes(IMPORT_MAX_FILE_BYTES)} MB can be imported`);
  }
  const { blocks, frontMatter } = extension === '.docx' ? { blocks: await readDocx(file), frontMatter: {} } : await readMarkdown(file);

  const kind = oneOf(KNOWLEDGE_KINDS, frontMatter.kind) ?? 'free';
  const language = oneOf(LANGUAGES, frontMatter.language) ?? actor.language;
  const first = blocks[0];
  // A first heading of level 1 is the title, unless the front matter gave one.
  const titleHeading = first?.type === 'heading' && first.level === 1 ? plainText(first.content).trim() : '';
  const title = (typeof frontMatter.title === 'string' && frontMatter.title.trim()) || titleHeading || input.filename.replace(/\.[^.]+$/, '');
  const body = titleHeading ? blocks.slice(1) : blocks;

  const doc = templateDoc('free', language);
  doc.transact(() => doc.getXmlFragment(YDOC_CONTENT).insert(0, elementsFromTree(withSections(body, kind, language))));
  const document = await createDocument(deps, actor, projectId, { title: title.slice(0, TITLE_MAX_LENGTH), kind, language }, Y.encodeStateAsUpdate(doc));
  await insertCredits(deps.db, document.id, [{ client: TEMPLATE_CLIENT_ID, clock: 0, length: Y.getState(doc.store, TEMPLATE_CLIENT_ID), userId: actor.id }]);
  doc.destroy();
  return document;
}

/** A Word document's text and styles unpack to a few times its size; far more is not a document. */
const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => (values.includes(value as T) ? (value as T) : null);

async function readDocx(file: Buffer): Promise<Block[]> {
  // A .docx is a zip: anything else is not one, whatever its name says.
  if (file.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw unreadableFile('This file is not a Word (.docx) document');
  // Loaded on first use, as the parsers of every format: imports are rare, and their libraries are heavy.
  const { treeFromDocx, unpackedSize } = await import('../transfer/from-docx');
  let unpacked: number;
  try {
    unpacked = unpackedSize(file);
  } catch {
    throw unreadableFile('This Word document could not be read: it is not a whole zip archive');
  }
  // A few megabytes can unpack to gigabytes (a zip bomb): refused before anything is unpacked.
  if (unpacked > DOCX_MAX_UNPACKED_BYTES) {
    throw fileTooLarge(`This Word document unpacks to ${megabytes(unpacked)} MB; up to ${megabytes(DOCX_MAX_UNPACKED_BYTES)} MB can be imported`);
  }
  try {
    return await treeFromDocx(file);
  } catch (error) {
    throw unreadableFile(`This Word document could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readMarkdown(file: Buffer): Promise<ReturnType<typeof treeFromMarkdown>> {
  const markdown = await import('../transfer/from-markdown');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw unreadableFile('This Markdown file is not UTF-8 text');
  }
  return markdown.treeFromMarkdown(text);
}

/** Headings worded as one of the kind's template sections open that section again, so its guidance and lessons follow. */
function withSections(blocks: readonly Block[], kind: KnowledgeKind, language: Language): Block[] {
  const sections = new Map<string, string>(
    TEMPLATE_SECTIONS[kind].map((section) => [sectionText(kind, section, language).heading.toLocaleLowerCase(language), section]),
  );
  return blocks.map((b) => (b.type === 'heading' && !b.section ? { ...b, section: sections.get(plainText(b.content).trim().toLocaleLowerCase(language)) ?? null } : b));
}
