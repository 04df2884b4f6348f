import { createResource, type Resource } from 'solid-js';
import type { DocumentSummary } from '../../shared/api';
import type { ApiClient } from '../lib/api';

export interface DocumentsStore {
  /** Newest activity first, as the server orders them. */
  documents: Resource<DocumentSummary[]>;
  reload(): void;
  create(title: string): Promise<DocumentSummary>;
}

/** A project's documents. */
export function createDocumentsStore(api: ApiClient, projectId: string): DocumentsStore {
  const [documents, { refetch }] = createResource(() => api.listDocuments(projectId));
  return {
    documents,
    reload: () => void refetch(),
    create: (title) => api.createDocument(projectId, title.trim() === '' ? {} : { title }),
  };
}
