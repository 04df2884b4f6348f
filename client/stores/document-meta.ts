import { createSignal, type Accessor } from 'solid-js';
import type { DocumentDetail } from '../../shared/api';
import { roleAllows, type ProjectAction } from '../../shared/roles';
import { isApiError, type ApiClient } from '../lib/api';

export interface DocumentMetaStore {
  /** The last details the server gave; kept when asking again fails for want of a network. */
  document: Accessor<DocumentDetail | undefined>;
  loading: Accessor<boolean>;
  /** Why the last attempt to load failed, if it did. */
  loadError: Accessor<unknown>;
  /** The server says the document does not exist, or that I am not in its project. */
  notFound: Accessor<boolean>;
  reload(): void;
  /** Whether my role allows `action` on this document; false until the server has said. */
  can(action: ProjectAction): boolean;
  saveError: Accessor<unknown>;
  /**
   * Shows the new title at once and puts the old one back if the server
   * refuses it; resolves to whether it was saved.
   */
  rename(title: string): Promise<boolean>;
}

/**
 * What the server knows of one document besides its content: its title, its
 * project and my role there. Asked again whenever the role may have changed;
 * a phone that has lost its network keeps what it knew, so it can go on
 * writing offline.
 */
export function createDocumentMetaStore(api: ApiClient, documentId: string): DocumentMetaStore {
  const [document, setDocument] = createSignal<DocumentDetail>();
  const [loading, setLoading] = createSignal(true);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [saveError, setSaveError] = createSignal<unknown>(null);

  const load = async () => {
    setLoading(true);
    try {
      setDocument(await api.getDocument(documentId));
      setLoadError(null);
    } catch (error) {
      setLoadError(() => error);
      if (isApiError(error, 'not_found')) setDocument(undefined);
    } finally {
      setLoading(false);
    }
  };
  void load();

  return {
    document,
    loading,
    loadError,
    notFound: () => isApiError(loadError(), 'not_found'),
    reload: () => void load(),
    can(action) {
      const current = document();
      return current !== undefined && roleAllows(current.myRole, action);
    },
    saveError,
    async rename(title) {
      const previous = document();
      if (previous) setDocument({ ...previous, title: title.trim() });
      setSaveError(null);
      try {
        const saved = await api.updateDocument(documentId, { title });
        setDocument((current) => (current ? { ...current, ...saved } : current));
        return true;
      } catch (error) {
        if (previous) setDocument(previous);
        setSaveError(() => error);
        return false;
      }
    },
  };
}
