import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { AttributionResponse } from '../../shared/api/attribution';
import type { AuthorshipOptions } from '../editor/authorship';
import type { ApiClient } from '../lib/api';
import { authoredRuns, legendOf, unknownClients, type AuthorshipBy, type ClientRun, type LegendEntry } from '../lib/authorship';

/** Someone new typing does not make every device ask at once, nor ask again on every key. */
const REFETCH_MS = 5000;

export interface AuthorshipView {
  enabled: Accessor<boolean>;
  setEnabled: (enabled: boolean) => void;
  by: Accessor<AuthorshipBy>;
  setBy: (by: AuthorshipBy) => void;
  legend: Accessor<readonly LegendEntry[]>;
  /** The last failure to learn who wrote what, null once it worked. */
  error: Accessor<unknown>;
  /** What the editor's Authorship extension is configured with. */
  editor: AuthorshipOptions;
}

/**
 * The authorship view of one document: whether it is on, how the text is
 * grouped, and who is behind each Yjs client id (GET /documents/:id/attribution),
 * asked when the view is turned on and again, at most every few seconds,
 * when text comes from a client id it does not know yet.
 */
export function createAuthorshipView(api: ApiClient, documentId: string): AuthorshipView {
  const [enabled, setEnabledSignal] = createSignal(false);
  const [by, setBy] = createSignal<AuthorshipBy>('organisation');
  const [attribution, setAttribution] = createSignal<AttributionResponse | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [runs, setRuns] = createSignal<readonly ClientRun[]>([]);
  const authorsOf = createMemo(() => {
    const known = attribution();
    const grouping = by();
    return (next: readonly ClientRun[]) => authoredRuns(next, known, grouping);
  });
  const legend = createMemo(() => legendOf(authorsOf()(runs())));

  let lastFetch = -Infinity;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const fetchNow = async () => {
    inFlight = true;
    lastFetch = Date.now();
    try {
      setAttribution(await api.attribution(documentId));
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      inFlight = false;
    }
  };
  /** Asks now, or once the pause since the last time has passed. */
  const fetchSoon = () => {
    if (inFlight || timer !== undefined) return;
    const wait = lastFetch + REFETCH_MS - Date.now();
    if (wait <= 0) {
      void fetchNow();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      void fetchNow();
    }, wait);
  };

  return {
    enabled,
    setEnabled: (value) => {
      setEnabledSignal(value);
      if (value && attribution() === null) fetchSoon();
    },
    by,
    setBy,
    legend,
    error,
    editor: {
      enabled,
      authorsOf,
      onRuns: (next) => {
        // Heard while the editor applies a transaction: the interface follows after it.
        queueMicrotask(() => {
          setRuns(next);
          if (enabled() && unknownClients(next, attribution()).length > 0) fetchSoon();
        });
      },
    },
  };
}
