import { recordContributors, replaceMentions } from '../storage/documents-repository';
import type { ServiceDeps } from './context';

/** What happened in a document since the last report. */
export interface ActivityReport {
  /** People whose updates were stored. */
  editors: string[];
  /** Documents the content links to now; null when the content did not change. */
  linkedDocumentIds: string[] | null;
}

/**
 * Where the collaboration layer reports who edits a document and what it
 * links to, for the metadata around it (contributing organisations,
 * backlinks).
 */
export interface DocumentActivity {
  report(documentId: string, report: ActivityReport): Promise<void>;
}

/** Records who edited a document and what its text links to, as the collaboration layer reports it. */
export function documentActivityRecorder(deps: Pick<ServiceDeps, 'db' | 'clock'>): DocumentActivity {
  return {
    async report(documentId, { editors, linkedDocumentIds }) {
      await recordContributors(deps.db, documentId, editors, deps.clock());
      if (linkedDocumentIds) await replaceMentions(deps.db, documentId, linkedDocumentIds);
    },
  };
}
