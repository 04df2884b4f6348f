import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationsResponse } from '../../shared/api';
import { ApiError, type ApiClient } from '../lib/api';
import {
  createNotificationsStore,
  keepUnchanged,
  markedRead,
  unmarkedRead,
  type PageActivity,
} from './notifications';

function notification(id: string, read = false): Notification {
  return {
    id,
    kind: 'mention',
    actorName: 'Awa Diallo',
    documentId: 'd1',
    documentTitle: 'Baseline report',
    threadId: 't1',
    excerpt: '@You can you check these figures?',
    createdAt: '2025-03-03T10:00:00.000Z',
    read,
  };
}

// Three unread in the list, two more beyond it, one read.
const inbox: NotificationsResponse = {
  notifications: [notification('n1'), notification('n2'), notification('n3', true), notification('n4')],
  unread: 5,
};

const readIds = (state: NotificationsResponse) => state.notifications.filter((n) => n.read).map((n) => n.id);

describe('markedRead', () => {
  it('marks the ones asked and takes them off the count', () => {
    const { inbox: after, change } = markedRead(inbox, ['n1', 'n3']);
    expect(readIds(after)).toEqual(['n1', 'n3']);
    expect(after.unread).toBe(4);
    expect(change).toEqual({ ids: ['n1'], cleared: 1 });
  });

  it('marks everything and clears the whole count when no ids are given, those beyond the list too', () => {
    const { inbox: after, change } = markedRead(inbox);
    expect(readIds(after)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(after.unread).toBe(0);
    expect(change).toEqual({ ids: ['n1', 'n2', 'n4'], cleared: 5 });
  });

  it('changes nothing for ones already read or unknown', () => {
    const { inbox: after, change } = markedRead(inbox, ['n3', 'zz']);
    expect(after).toEqual(inbox);
    expect(change).toEqual({ ids: [], cleared: 0 });
  });

  it('never takes the count below zero', () => {
    expect(markedRead({ ...inbox, unread: 0 }, ['n1']).inbox.unread).toBe(0);
  });
});

describe('unmarkedRead', () => {
  it('undoes one change and keeps another made since', () => {
    const first = markedRead(inbox, ['n1']);
    const second = markedRead(first.inbox, ['n2']);
    const undone = unmarkedRead(second.inbox, first.change);
    expect(readIds(undone)).toEqual(['n2', 'n3']);
    expect(undone.unread).toBe(4);
  });

  it('puts the whole count back after marking all', () => {
    const { inbox: after, change } = markedRead(inbox);
    expect(unmarkedRead(after, change)).toEqual(inbox);
  });
});

describe('keepUnchanged', () => {
  it('reuses the objects of unchanged notifications and takes the new ones as they are', () => {
    const next: NotificationsResponse = {
      notifications: [notification('n0'), { ...notification('n1') }, notification('n2', true)],
      unread: 6,
    };
    const kept = keepUnchanged(inbox, next);
    expect(kept).toEqual(next);
    expect(kept.notifications[0]).toBe(next.notifications[0]);
    expect(kept.notifications[1]).toBe(inbox.notifications[0]);
    expect(kept.notifications[2]).toBe(next.notifications[2]);
  });

  it('takes the first answer as it is', () => {
    expect(keepUnchanged(null, inbox)).toBe(inbox);
  });
});

describe('createNotificationsStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakePage(visible = true) {
    let returnTo: () => void = () => undefined;
    const page: PageActivity & { visible: boolean; comeBack(): void; stopped: boolean } = {
      visible,
      stopped: false,
      isVisible: () => page.visible,
      onReturn(callback) {
        returnTo = callback;
        return () => {
          page.stopped = true;
        };
      },
      comeBack: () => returnTo(),
    };
    return page;
  }

  function start(api: Partial<ApiClient>, page = fakePage()) {
    return createRoot((dispose) => ({ store: createNotificationsStore(api as ApiClient, page, 20_000), dispose, page }));
  }

  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('loads at once, then every 20 s while visible, and when the page comes back', async () => {
    const notifications = vi.fn(async () => inbox);
    const { store, page, dispose } = start({ notifications });
    expect(store.loaded()).toBe(false);
    await settle();
    expect(store.loaded()).toBe(true);
    expect(store.unread()).toBe(5);
    expect(notifications).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(notifications).toHaveBeenCalledTimes(2);

    page.visible = false;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(notifications).toHaveBeenCalledTimes(2);

    page.visible = true;
    page.comeBack();
    await settle();
    expect(notifications).toHaveBeenCalledTimes(3);

    dispose();
    expect(page.stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(notifications).toHaveBeenCalledTimes(3);
  });

  it('keeps the error of a failed refresh until one succeeds', async () => {
    const failure = new ApiError(0, 'network_error', 'offline');
    const notifications = vi.fn<() => Promise<NotificationsResponse>>().mockRejectedValueOnce(failure).mockResolvedValue(inbox);
    const { store, dispose } = start({ notifications });
    await settle();
    expect(store.error()).toBe(failure);
    expect(store.loaded()).toBe(false);
    await store.refresh();
    expect(store.error()).toBeNull();
    expect(store.notifications()).toHaveLength(4);
    dispose();
  });

  it('shares one request between refreshes asked at the same time', async () => {
    const notifications = vi.fn(async () => inbox);
    const { store, dispose } = start({ notifications });
    await Promise.all([store.refresh(), store.refresh()]);
    expect(notifications).toHaveBeenCalledTimes(1);
    dispose();
  });

  it('counts a notification read at once, and puts it back when the server refuses', async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const markNotificationsRead = vi.fn(() => new Promise<void>((_, reject) => (refuse = reject)));
    const { store, dispose } = start({ notifications: async () => inbox, markNotificationsRead });
    await settle();

    const marking = store.markRead(['n1']);
    expect(store.unread()).toBe(4);
    expect(store.notifications()[0]?.read).toBe(true);
    expect(markNotificationsRead).toHaveBeenCalledWith({ ids: ['n1'] });

    const failure = new ApiError(500, 'internal_error', 'boom');
    refuse(failure);
    await expect(marking).rejects.toBe(failure);
    expect(store.unread()).toBe(5);
    expect(store.notifications()[0]?.read).toBe(false);
    dispose();
  });

  it('marks all read with an empty body, and does not ask when nothing is unread', async () => {
    const markNotificationsRead = vi.fn(async () => undefined);
    const { store, dispose } = start({ notifications: async () => inbox, markNotificationsRead });
    await settle();
    await store.markRead();
    expect(markNotificationsRead).toHaveBeenCalledWith({});
    expect(store.unread()).toBe(0);
    await store.markRead();
    await store.markRead(['n1']);
    expect(markNotificationsRead).toHaveBeenCalledTimes(1);
    dispose();
  });

  it('ignores an answer that left before a mark, which may not know of it', async () => {
    let answer: (value: NotificationsResponse) => void = () => undefined;
    const notifications = vi
      .fn<() => Promise<NotificationsResponse>>()
      .mockResolvedValueOnce(inbox)
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { store, dispose } = start({ notifications, markNotificationsRead: async () => undefined });
    await settle();

    const refreshing = store.refresh();
    await store.markRead(['n1']);
    answer(inbox);
    await refreshing;
    expect(store.unread()).toBe(4);
    expect(store.notifications()[0]?.read).toBe(true);
    dispose();
  });
});
