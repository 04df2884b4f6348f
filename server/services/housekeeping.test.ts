import { describe, expect, it, onTestFinished } from 'vitest';
import { insertTestDocument } from '../../test/helpers/database';
import { tempDir } from '../../test/helpers/temp-dir';
import { openSqliteDatabase } from '../storage/sqlite';
import { NOTIFICATION_KEPT_MS, READ_NOTIFICATION_KEPT_MS, tidyUp } from './housekeeping';

const NOW = Date.UTC(2026, 11, 7);

async function setUp() {
  const db = await openSqliteDatabase({ dataDir: tempDir(), synchronous: 'NORMAL' });
  onTestFinished(() => db.destroy());
  for (const id of ['awa', 'bruno']) {
    await db
      .insertInto('users')
      .values({ id, email: `${id}@example.org`, name: id, organisation_id: null, language: 'fr', password_hash: 'x', is_admin: 0, created_at: 0 })
      .execute();
  }
  const document = await insertTestDocument(db, 'Field findings');
  const notify = (id: string, createdAt: number, readAt: number | null) =>
    db
      .insertInto('notifications')
      .values({
        id,
        user_id: 'awa',
        kind: 'mention',
        actor_id: 'bruno',
        document_id: document.id,
        thread_id: 't',
        message_id: `m-${id}`,
        excerpt: '@Awa',
        created_at: createdAt,
        read_at: readAt,
      })
      .execute();
  const session = (id: string, expiresAt: number) =>
    db.insertInto('sessions').values({ id, user_id: 'awa', created_at: 0, expires_at: expiresAt }).execute();
  const left = async () => ({
    notifications: (await db.selectFrom('notifications').select('id').orderBy('id').execute()).map((r) => r.id),
    sessions: (await db.selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id),
  });
  return { db, notify, session, left };
}

describe('tidyUp', () => {
  it('deletes ended sessions and notifications read long ago or too old, and keeps the rest', async () => {
    const { db, notify, session, left } = await setUp();
    const readLongAgo = NOW - READ_NOTIFICATION_KEPT_MS - 1;
    await notify('a-read-long-ago', readLongAgo - 1000, readLongAgo);
    await notify('b-read-lately', NOW - NOTIFICATION_KEPT_MS + 1000, NOW - 1000);
    await notify('c-unread-old', NOW - READ_NOTIFICATION_KEPT_MS - 1000, null);
    await notify('d-unread-too-old', NOW - NOTIFICATION_KEPT_MS - 1, null);
    await notify('e-new', NOW, null);
    await session('ended', NOW);
    await session('live', NOW + 1);

    expect(await tidyUp({ db, clock: () => NOW })).toEqual({ sessions: 1, notifications: 2 });
    expect(await left()).toEqual({
      notifications: ['b-read-lately', 'c-unread-old', 'e-new'],
      sessions: ['live'],
    });
    // Nothing more to do the next time.
    expect(await tidyUp({ db, clock: () => NOW })).toEqual({ sessions: 0, notifications: 0 });
  });
});
