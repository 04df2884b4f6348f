import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Notification, NotificationsResponse } from '../../shared/api';
import type { ApiClient } from '../lib/api';

/** How often an open tab asks for new notifications. */
export const REFRESH_INTERVAL_MS = 20_000;

/** What marking notifications read changed, to undo it if the server refuses. */
export interface ReadChange {
  /** The notifications of the list that were unread. */
  ids: string[];
  /** How much the unread count went down: marking all also clears the unread ones beyond the list. */
  cleared: number;
}

/** The inbox once `ids` are read, or all of it when `ids` is left out, and what that changed. */
export function markedRead(
  inbox: NotificationsResponse,
  ids?: readonly string[],
): { inbox: NotificationsResponse; change: ReadChange } {
  const wanted = ids === undefined ? null : new Set(ids);
  const changed: string[] = [];
  const notifications = inbox.notifications.map((notification) => {
    if (notification.read || (wanted !== null && !wanted.has(notification.id))) return notification;
    changed.push(notification.id);
    return { ...notification, read: true };
  });
  const cleared = wanted === null ? inbox.unread : Math.min(changed.length, inbox.unread);
  return { inbox: { notifications, unread: inbox.unread - cleared }, change: { ids: changed, cleared } };
}

/** Undoes one `markedRead`, leaving any other change made since in place. */
export function unmarkedRead(inbox: NotificationsResponse, change: ReadChange): NotificationsResponse {
  const ids = new Set(change.ids);
  return {
    notifications: inbox.notifications.map((notification) =>
      notification.read && ids.has(notification.id) ? { ...notification, read: false } : notification,
    ),
    unread: inbox.unread + change.cleared,
  };
}

const sameNotification = (a: Notification, b: Notification) =>
  (Object.keys(a) as (keyof Notification)[]).every((key) => a[key] === b[key]);

/**
 * The new answer, reusing the objects of the notifications that did not
 * change: a list keyed by object then keeps their rows, and the focus in one.
 */
export function keepUnchanged(previous: NotificationsResponse | null, next: NotificationsResponse): NotificationsResponse {
  if (previous === null) return next;
  const before = new Map(previous.notifications.map((notification) => [notification.id, notification]));
  return {
    ...next,
    notifications: next.notifications.map((notification) => {
      const old = before.get(notification.id);
      return old !== undefined && sameNotification(old, notification) ? old : notification;
    }),
  };
}

/** Whether the page is in front of the person, and word when it comes back there. */
export interface PageActivity {
  isVisible(): boolean;
  /** Calls back each time the window gets the focus or the tab is shown again; returns the way to stop. */
  onReturn(callback: () => void): () => void;
}

export const browserPage: PageActivity = {
  isVisible: () => document.visibilityState === 'visible',
  onReturn(callback) {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') callback();
    };
    window.addEventListener('focus', callback);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', callback);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  },
};

export interface NotificationsStore {
  notifications: Accessor<readonly Notification[]>;
  unread: Accessor<number>;
  /** Whether the server has answered once: before that there is nothing to show but loading or the error. */
  loaded: Accessor<boolean>;
  loading: Accessor<boolean>;
  /** Why the last refresh failed, until one succeeds. */
  error: Accessor<unknown>;
  /** Asks the server now; never rejects (see `error`). Calls while one is under way share it. */
  refresh(): Promise<void>;
  /** Shows them read at once; puts them back and rethrows if the server refuses. All of them when `ids` is left out. */
  markRead(ids?: readonly string[]): Promise<void>;
}

/**
 * The logged-in person's notifications: loaded at once, then again every
 * 20 s while the tab is visible and whenever the page comes back to the
 * front. Create it while someone is logged in, under an owner that goes
 * away when they log out: its timer and listeners stop with it.
 */
export function createNotificationsStore(
  api: ApiClient,
  page: PageActivity = browserPage,
  intervalMs: number = REFRESH_INTERVAL_MS,
): NotificationsStore {
  const [inbox, setInbox] = createSignal<NotificationsResponse | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let inFlight: Promise<void> | null = null;
  let marksUnderWay = 0;
  let marksStarted = 0;

  const refresh = () =>
    (inFlight ??= (async () => {
      const marksBefore = marksStarted;
      setLoading(true);
      try {
        const answer = await api.notifications();
        batch(() => {
          // An answer that started before a mark may not know of it: the local state is newer, the next refresh catches up.
          if (marksUnderWay === 0 && marksStarted === marksBefore) setInbox((previous) => keepUnchanged(previous, answer));
          setError(null);
        });
      } catch (failure) {
        setError(() => failure);
      } finally {
        setLoading(false);
        inFlight = null;
      }
    })());

  const markRead = async (ids?: readonly string[]) => {
    const before = inbox();
    if (before === null) return;
    const { inbox: after, change } = markedRead(before, ids);
    if (change.cleared === 0 && change.ids.length === 0) return;
    marksUnderWay++;
    marksStarted++;
    setInbox(after);
    try {
      await api.markNotificationsRead(ids === undefined ? {} : { ids: [...ids] });
    } catch (failure) {
      setInbox((current) => current && unmarkedRead(current, change));
      throw failure;
    } finally {
      marksUnderWay--;
    }
  };

  void refresh();
  const timer = setInterval(() => {
    if (page.isVisible()) void refresh();
  }, intervalMs);
  const stopListening = page.onReturn(() => void refresh());
  onCleanup(() => {
    clearInterval(timer);
    stopListening();
  });

  return {
    notifications: () => inbox()?.notifications ?? [],
    unread: () => inbox()?.unread ?? 0,
    loaded: () => inbox() !== null,
    loading,
    error,
    refresh,
    markRead,
  };
}
