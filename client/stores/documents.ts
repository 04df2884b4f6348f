import { createResource, type Resource } from 'solid-js';
import type { CreateDocumentInput, DocumentSummary } from '../../shared/api';
import type { ApiClient } from '../lib/api';

export interface DocumentsStore {
  /** Newest activity first, as the server orders them. */
  documents: Resource<DocumentSummary[]>;
  reload(): void;
  /** A blank title is left out: the document starts untitled. */
  create(input: CreateDocumentInput): Promise<DocumentSummary>;
}

/** A project's documents. */
export function createDocumentsStore(api: ApiClient, projectId: string): DocumentsStore {
  const [documents, { refetch }] = createResource(() => api.listDocuments(projectId));
  return {
    documents,
    reload: () => void refetch(),
    create: ({ title, ...rest }) => api.createDocument(projectId, title === undefined || title.trim() === '' ? rest : { title, ...rest }),
  };
}
