import { createSignal, type Accessor } from 'solid-js';
import type { DocumentDetail, DocumentLinksResponse, DocumentSummary, UpdateDocumentInput } from '../../shared/api';
import type { DocumentStatus } from '../../shared/knowledge/kinds';
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
  /** Asks again for the details and the links. */
  reload(): void;
  /** Whether my role allows `action` on this document; false until the server has said. */
  can(action: ProjectAction): boolean;
  saveError: Accessor<unknown>;
  /**
   * Shows the new title at once and puts the old one back if the server
   * refuses it; resolves to whether it was saved.
   */
  rename(title: string): Promise<boolean>;
  /** Shows the change (themes, tags, language, title) at once; puts the previous details back and rethrows if the server refuses it. */
  update(input: UpdateDocumentInput): Promise<void>;
  /**
   * Moves the document's status. Not shown ahead of the server, which says
   * who moved it and when; on a refusal the details are asked again, since
   * someone else may have moved it first.
   */
  changeStatus(status: DocumentStatus): Promise<void>;
  /** The documents this one links to and those linking here; kept when asking again fails. */
  links: Accessor<DocumentLinksResponse | undefined>;
  linksError: Accessor<unknown>;
  reloadLinks(): void;
}

/** The fields of `input` that were given, as they will read once saved. */
function shownAfter(input: UpdateDocumentInput): Partial<DocumentSummary> {
  const shown: Partial<DocumentSummary> = {};
  if (input.title !== undefined) shown.title = input.title.trim();
  if (input.themes !== undefined) shown.themes = input.themes;
  if (input.tags !== undefined) shown.tags = input.tags;
  if (input.language !== undefined) shown.language = input.language;
  return shown;
}

/**
 * What the server knows of one document besides its content: its title,
 * kind, status, labels, its project and my role there, and its links. Asked
 * again whenever the role may have changed; a phone that has lost its
 * network keeps what it knew, so it can go on writing offline.
 */
export function createDocumentMetaStore(api: ApiClient, documentId: string): DocumentMetaStore {
  const [document, setDocument] = createSignal<DocumentDetail>();
  const [loading, setLoading] = createSignal(true);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [saveError, setSaveError] = createSignal<unknown>(null);
  const [links, setLinks] = createSignal<DocumentLinksResponse>();
  const [linksError, setLinksError] = createSignal<unknown>(null);

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
  const loadLinks = async () => {
    try {
      setLinks(await api.documentLinks(documentId));
      setLinksError(null);
    } catch (error) {
      setLinksError(() => error);
    }
  };
  const reload = () => {
    void load();
    void loadLinks();
  };
  reload();

  // Changes may overlap (two tags added quickly): only the latest one's answer, or failure, decides what shows.
  let latestUpdate = 0;
  const update = async (input: UpdateDocumentInput) => {
    const attempt = ++latestUpdate;
    const shown = shownAfter(input);
    const previous = document();
    // Only the fields this change touched go back on failure: a status moved meanwhile stays moved.
    const before = previous && Object.fromEntries(Object.keys(shown).map((key) => [key, previous[key as keyof DocumentSummary]]));
    setDocument((current) => (current ? { ...current, ...shown } : current));
    try {
      const saved = await api.updateDocument(documentId, input);
      // Merged, so my role and the project's title, which only the details carry, stay.
      if (attempt === latestUpdate) setDocument((current) => (current ? { ...current, ...saved } : current));
    } catch (error) {
      if (attempt === latestUpdate && before) setDocument((current) => (current ? { ...current, ...before } : current));
      throw error;
    }
  };

  return {
    document,
    loading,
    loadError,
    notFound: () => isApiError(loadError(), 'not_found'),
    reload,
    can(action) {
      const current = document();
      return current !== undefined && roleAllows(current.myRole, action);
    },
    saveError,
    async rename(title) {
      setSaveError(null);
      try {
        await update({ title });
        return true;
      } catch (error) {
        setSaveError(() => error);
        return false;
      }
    },
    update,
    async changeStatus(status) {
      try {
        // Only what the move changed: a label being saved meanwhile must not be undone.
        const { status: moved, statusChange, updatedAt } = await api.changeDocumentStatus(documentId, { status });
        setDocument((current) => (current ? { ...current, status: moved, statusChange, updatedAt } : current));
      } catch (error) {
        void load();
        throw error;
      }
    },
    links,
    linksError,
    reloadLinks: () => void loadLinks(),
  };
}
