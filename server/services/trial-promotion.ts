import * as Y from 'yjs';
import type { DocumentSummary } from '../../shared/api';
import { NODE_DOCUMENT_LINK, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { readTrialEntry, type TrialEntry } from '../../shared/knowledge/trial-log';
import { badRequest, notFound } from '../errors';
import { insertLink } from '../storage/documents-repository';
import { docFromStored } from '../storage/stored-doc';
import type { Actor, ServiceDeps } from './context';
import { authorize } from './access';
import { authorizeDocument, createDocument } from './documents';
import { fillSections, templateDoc } from './template-content';

/**
 * Makes a lessons-learned record from one trial-and-error entry: what was
 * tried becomes the situation, what happened stays what happened, what was
 * learned becomes the lesson, the next step the recommendation. The record
 * opens with a link back to the log, and the log lists the record among its
 * backlinks.
 */
export async function promoteTrialEntry(deps: ServiceDeps, actor: Actor, logId: string, entryId: string): Promise<DocumentSummary> {
  const { row: log } = await authorizeDocument(deps, actor, logId, 'document.read');
  await authorize(deps, actor, log.project_id, 'document.create');
  if (log.kind !== 'trial_log') throw badRequest('Only entries of a trial-and-error log can be promoted');
  // Every update the server accepted is stored before anyone sees it: once the appends
  // still in the current batch are committed, storage is never behind what the promoter saw.
  await deps.documentStore.flush();
  const doc = docFromStored(await deps.documentStore.load(logId), () => {});
  const entry = readTrialEntry(doc, entryId);
  if (!entry) throw notFound('Trial-and-error entry');

  const record = await createDocument(
    deps,
    actor,
    log.project_id,
    { kind: 'lessons', language: log.language, title: titleFrom(entry) || log.title },
    recordContent(entry, log.language, { id: logId, title: log.title }),
  );
  await insertLink(deps.db, { source_id: record.id, target_id: logId, kind: 'promotion', entry_id: entryId });
  return record;
}

const TITLE_LENGTH = 120;

function titleFrom(entry: TrialEntry): string {
  const firstLine = (entry.learned || entry.tried).trim().split('\n')[0] ?? '';
  return firstLine.length > TITLE_LENGTH ? `${firstLine.slice(0, TITLE_LENGTH - 1)}…` : firstLine;
}

function recordContent(entry: TrialEntry, language: DocumentSummary['language'], log: { id: string; title: string }): Uint8Array {
  const doc = templateDoc('lessons', language);
  fillSections(doc, {
    situation: [entry.tried, entry.hypothesis, entry.conditions],
    happened: [entry.happened],
    lesson: [entry.learned],
    recommendation: [entry.next],
    evidence: [[entry.date, entry.participants].filter(Boolean).join(' — ')],
  });
  doc.transact(() => {
    const backLink = new Y.XmlElement('paragraph');
    const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
    link.setAttribute('documentId', log.id);
    link.setAttribute('label', log.title);
    backLink.insert(0, [new Y.XmlText('↩ '), link]);
    doc.getXmlFragment(YDOC_CONTENT).insert(0, [backLink]);
  });
  return Y.encodeStateAsUpdate(doc);
}
