import { sql } from 'kysely';
import type { Db, WorkshopGuestsTable, WorkshopsTable } from './database';

/** A workshop's settings with its document's project and title. */
const WORKSHOP_COLUMNS = [
  'w.document_id as id',
  'd.project_id',
  'd.title',
  'w.format',
  'w.date',
  'w.vote_budget',
  'w.guest_code',
  'w.guest_access_until',
  'w.ended_at',
] as const;

const workshops = (db: Db) => db.selectFrom('workshops as w').innerJoin('documents as d', 'd.id', 'w.document_id');

export type WorkshopRecord = NonNullable<Awaited<ReturnType<typeof findWorkshop>>>;

export function findWorkshop(db: Db, workshopId: string) {
  return workshops(db).select(WORKSHOP_COLUMNS).where('w.document_id', '=', workshopId).executeTakeFirst();
}

export function findWorkshopByGuestCode(db: Db, code: string) {
  return workshops(db)
    .innerJoin('projects as p', 'p.id', 'd.project_id')
    .select([...WORKSHOP_COLUMNS, 'p.title as project_title'])
    .where('w.guest_code', '=', code)
    .executeTakeFirst();
}

/** A project's workshops, soonest last, with how many notes each holds. */
export function listProjectWorkshops(db: Db, projectId: string) {
  return workshops(db)
    .select([...WORKSHOP_COLUMNS, (eb) => eb.selectFrom('workshop_notes as n').whereRef('n.workshop_id', '=', 'w.document_id').select(sql<number>`count(*)`.as('c')).as('notes')])
    .where('d.project_id', '=', projectId)
    .orderBy('w.date', 'desc')
    .execute();
}

export function countNotes(db: Db, workshopId: string): Promise<number> {
  return db
    .selectFrom('workshop_notes')
    .select(sql<number>`count(*)`.as('c'))
    .where('workshop_id', '=', workshopId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.c));
}

export async function insertWorkshop(db: Db, row: WorkshopsTable): Promise<void> {
  await db.insertInto('workshops').values(row).execute();
}

export async function endWorkshop(db: Db, workshopId: string, at: number): Promise<void> {
  await db.updateTable('workshops').set({ ended_at: at, guest_access_until: at }).where('document_id', '=', workshopId).execute();
}

export async function insertNote(db: Db, note: { id: string; workshop_id: string; user_id: string; anonymous: number; created_at: number }): Promise<void> {
  await db.insertInto('workshop_notes').values(note).execute();
}

export function findNote(db: Db, workshopId: string, noteId: string) {
  return db.selectFrom('workshop_notes').selectAll().where('workshop_id', '=', workshopId).where('id', '=', noteId).executeTakeFirst();
}

export async function deleteNote(db: Db, noteId: string): Promise<void> {
  await db.deleteFrom('workshop_notes').where('id', '=', noteId).execute();
}

/** Every note's author, for the reveal and the synthesis. */
export function noteAuthors(db: Db, workshopId: string) {
  return db.selectFrom('workshop_notes').select(['id', 'user_id', 'anonymous']).where('workshop_id', '=', workshopId).execute();
}

export async function myNotes(db: Db, workshopId: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('workshop_notes').select('id').where('workshop_id', '=', workshopId).where('user_id', '=', userId).execute();
  return rows.map((r) => r.id);
}

export async function myVotes(db: Db, workshopId: string, userId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('workshop_votes').select(['note_id', 'count']).where('workshop_id', '=', workshopId).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.note_id, r.count]));
}

/** Dots on each note of the workshop, all voters together. */
export async function voteTotals(db: Db, workshopId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('workshop_votes')
    .select(['note_id', sql<number>`sum(count)`.as('total')])
    .where('workshop_id', '=', workshopId)
    .groupBy('note_id')
    .execute();
  return new Map(rows.map((r) => [r.note_id, Number(r.total)]));
}

/**
 * Puts `count` of a person's dots on a note, in one transaction with the
 * check of their budget: two votes sent at once cannot both pass it.
 * Answers the dots they have left, or null when the budget does not allow it.
 */
export function setVote(
  db: Db,
  vote: { workshopId: string; noteId: string; userId: string; count: number },
  budget: number,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const others = await trx
      .selectFrom('workshop_votes')
      .select(sql<number>`coalesce(sum(count), 0)`.as('used'))
      .where('workshop_id', '=', vote.workshopId)
      .where('user_id', '=', vote.userId)
      .where('note_id', '!=', vote.noteId)
      .executeTakeFirstOrThrow();
    const used = Number(others.used);
    if (used + vote.count > budget) return null;
    if (vote.count === 0) {
      await trx.deleteFrom('workshop_votes').where('note_id', '=', vote.noteId).where('user_id', '=', vote.userId).execute();
    } else {
      await trx
        .insertInto('workshop_votes')
        .values({ workshop_id: vote.workshopId, note_id: vote.noteId, user_id: vote.userId, count: vote.count })
        .onConflict((oc) => oc.columns(['note_id', 'user_id']).doUpdateSet({ count: vote.count }))
        .execute();
    }
    return budget - used - vote.count;
  });
}

export async function insertGuest(db: Db, guest: WorkshopGuestsTable): Promise<void> {
  await db.insertInto('workshop_guests').values(guest).execute();
}

/** The people of a workshop as its board names them: members with their organisation, guests with the one they gave. */
export function participants(db: Db, userIds: string[]) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('workshop_guests as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.guest_of', 'o.name as organisation_name', 'o.kind as organisation_kind', 'o.color as organisation_color', 'g.organisation_name as guest_organisation', 'g.organisation_kind as guest_kind'])
    .where('u.id', 'in', userIds.length > 0 ? userIds : [''])
    .execute();
}

export async function guestsOf(db: Db, workshopId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('guest_of', '=', workshopId).execute();
  return rows.map((r) => r.id);
}

export async function endGuestSessions(db: Db, workshopId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('guest_of', '=', workshopId))
    .execute();
}
