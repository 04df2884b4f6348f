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
  /**
   * Asks again for who wrote here and when (the contributors and the last
   * activity) and changes only those: saves on their way keep showing what
   * they ask for. On failure, what shows stays.
   */
  refreshActivity(): void;
  /** Whether my role allows `action` on this document; false until the server has said. */
  can(action: ProjectAction): boolean;
  saveError: Accessor<unknown>;
  /**
   * Shows the new title at once and puts the old one back if the server
   * refuses it; resolves to whether it was saved.
   */
  rename(title: string): Promise<boolean>;
  /**
   * Shows the change (themes, tags, language, title) at once. Each field
   * goes back to the last value the server confirmed for it if its own
   * latest save is refused, whatever became of the saves of other fields;
   * the refusal is rethrown.
   */
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

/** The fields a change can touch; each is saved, and rolled back, on its own. */
const EDITABLE_FIELDS = ['title', 'themes', 'tags', 'language'] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];
type EditableValues = Partial<Pick<DocumentSummary, EditableField>>;

/** The saves of one field that are not all answered yet. */
interface FieldSaves {
  /** The field's latest save, and whether its answer came. */
  latest: number;
  latestAnswered: boolean;
  unanswered: number;
  /** The value the server last confirmed for the field, and the save that did (0: the one shown when the saves began). */
  confirmed: EditableValues;
  confirmedBy: number;
}

/** The fields of `input` that were given, as they will read once saved. */
function shownAfter(input: UpdateDocumentInput): EditableValues {
  const shown: EditableValues = {};
  if (input.title !== undefined) shown.title = input.title.trim();
  if (input.themes !== undefined) shown.themes = input.themes;
  if (input.tags !== undefined) shown.tags = input.tags;
  if (input.language !== undefined) shown.language = input.language;
  return shown;
}

function pick(values: EditableValues, field: EditableField): EditableValues {
  return field in values ? { [field]: values[field] } : {};
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

  let activityAsked = 0;
  let activityShown = 0;
  const refreshActivity = async () => {
    const asked = ++activityAsked;
    const fresh = await api.getDocument(documentId).catch(() => null);
    // Answers may cross on a slow link: an older one must not undo a newer.
    if (!fresh || asked < activityShown) return;
    activityShown = asked;
    setDocument((current) => (current ? { ...current, contributors: fresh.contributors, updatedAt: fresh.updatedAt } : current));
  };

  // Changes may overlap (two tags added quickly, a theme meanwhile): each field follows its own saves.
  let saves = 0;
  const pending = new Map<EditableField, FieldSaves>();
  /** The save whose answer last gave the other details (status, contributors, time): an older one must not undo them. */
  let mergedFrom = 0;

  const answer = (attempt: number, fields: readonly EditableField[], saved: DocumentSummary | null) => {
    let shown: EditableValues = {};
    for (const field of fields) {
      const fieldSaves = pending.get(field);
      if (!fieldSaves) continue;
      fieldSaves.unanswered--;
      if (saved && attempt > fieldSaves.confirmedBy) {
        fieldSaves.confirmed = pick(saved, field);
        fieldSaves.confirmedBy = attempt;
      }
      if (attempt === fieldSaves.latest) fieldSaves.latestAnswered = true;
      // Until its latest save is answered, a field shows what that save asked for.
      if (fieldSaves.latestAnswered) shown = { ...shown, ...fieldSaves.confirmed };
      if (fieldSaves.unanswered === 0) pending.delete(field);
    }
    let others: Partial<DocumentSummary> = {};
    if (saved && attempt > mergedFrom) {
      mergedFrom = attempt;
      const { title: _title, themes: _themes, tags: _tags, language: _language, ...rest } = saved;
      others = rest;
    }
    // Merged, so my role and the project's title, which only the details carry, stay.
    setDocument((current) => (current ? { ...current, ...others, ...shown } : current));
  };

  const update = async (input: UpdateDocumentInput) => {
    const attempt = ++saves;
    const shown = shownAfter(input);
    const fields = EDITABLE_FIELDS.filter((field) => field in shown);
    const current = document();
    for (const field of fields) {
      const fieldSaves = pending.get(field);
      if (fieldSaves) {
        fieldSaves.latest = attempt;
        fieldSaves.latestAnswered = false;
        fieldSaves.unanswered++;
      } else {
        // None of the field's saves on its way: what shows is what the server confirmed.
        const confirmed = current ? pick(current, field) : {};
        pending.set(field, { latest: attempt, latestAnswered: false, unanswered: 1, confirmed, confirmedBy: 0 });
      }
    }
    setDocument((now) => (now ? { ...now, ...shown } : now));
    const saved = await api.updateDocument(documentId, input).catch((error: unknown) => {
      answer(attempt, fields, null);
      throw error;
    });
    answer(attempt, fields, saved);
  };

  return {
    document,
    loading,
    loadError,
    notFound: () => isApiError(loadError(), 'not_found'),
    reload,
    refreshActivity: () => void refreshActivity(),
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
