import { createSignal, type Accessor } from 'solid-js';
import type { RestoreResponse, Version } from '../../shared/api/versions';
import type { ApiClient } from '../lib/api';
import { createAction, type Action } from './action';

/** What the history shows in place of the editor: one version, read-only, or what changed between two. */
export type HistoryView = { kind: 'version'; versionId: string } | { kind: 'compare'; from: string; to: string | null };

/** The last restore, until it is dismissed: undoing it restores `previous`. */
export interface RestoreNote {
  restored: Version;
  previous: Version;
  undone: boolean;
}

export interface VersionHistoryStore {
  /** Newest first; kept while asking again, and when asking again fails. */
  versions: Accessor<Version[] | undefined>;
  loading: Accessor<boolean>;
  /** Why the last attempt to load failed, null once one worked. */
  loadError: Accessor<unknown>;
  refresh(): Promise<void>;
  /** Names the document as it is now. */
  name: Action<[string], Version>;
  /** Writes a version's content on top as a new change. */
  restore: Action<[versionId: string], RestoreResponse>;
  /** Restores what the last restore replaced. */
  undo: Action<[], RestoreResponse>;
  lastRestore: Accessor<RestoreNote | null>;
  dismissRestore(): void;
  view: Accessor<HistoryView | null>;
  show(view: HistoryView | null): void;
  versionById(id: string): Version | undefined;
}

/** One document's history: its versions, naming one, restoring one (and undoing that), and what is being looked at. */
export function createVersionHistoryStore(api: ApiClient, documentId: string): VersionHistoryStore {
  const [versions, setVersions] = createSignal<Version[]>();
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [lastRestore, setLastRestore] = createSignal<RestoreNote | null>(null);
  const [view, setView] = createSignal<HistoryView | null>(null);

  // Answers may cross on a slow link: only the latest request's counts.
  let requests = 0;
  const refresh = async () => {
    const request = ++requests;
    setLoading(true);
    try {
      const listed = await api.listVersions(documentId);
      if (request !== requests) return;
      setVersions(listed);
      setLoadError(null);
    } catch (error) {
      if (request === requests) setLoadError(() => error);
    } finally {
      if (request === requests) setLoading(false);
    }
  };

  const name = createAction(async (versionName: string) => {
    const version = await api.nameVersion(documentId, { name: versionName });
    void refresh();
    return version;
  });
  const restore = createAction(async (versionId: string) => {
    const answer = await api.restoreVersion(documentId, versionId);
    setLastRestore({ ...answer, undone: false });
    setView(null);
    void refresh();
    return answer;
  });
  const undo = createAction(async () => {
    const note = lastRestore();
    if (!note) throw new Error('nothing to undo');
    const answer = await api.restoreVersion(documentId, note.previous.id);
    setLastRestore({ ...note, undone: true });
    void refresh();
    return answer;
  });

  return {
    versions,
    loading,
    loadError,
    refresh,
    name,
    restore,
    undo,
    lastRestore,
    dismissRestore: () => {
      undo.clearError();
      setLastRestore(null);
    },
    view,
    show: setView,
    versionById: (id) => versions()?.find((version) => version.id === id),
  };
}
