import type { DocumentActivity } from '../collab/document-activity';
import { recordContributors, replaceMentions } from '../storage/documents-repository';
import type { ServiceDeps } from './context';

/** Records who edited a document and what its text links to, as the collaboration layer reports it. */
export function documentActivityRecorder(deps: ServiceDeps): DocumentActivity {
  return {
    async report(documentId, { editors, linkedDocumentIds }) {
      await recordContributors(deps.db, documentId, editors, deps.clock());
      if (linkedDocumentIds) await replaceMentions(deps.db, documentId, linkedDocumentIds);
    },
  };
}
