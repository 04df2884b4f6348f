import type { Db, InvitationRow, InvitationsTable } from './database';

export async function insertInvitation(db: Db, row: InvitationsTable): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findInvitation(db: Db, projectId: string, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export function listInvitations(db: Db, projectId: string): Promise<InvitationRow[]> {
  return db.selectFrom('invitations').selectAll().where('project_id', '=', projectId).orderBy('created_at', 'desc').execute();
}

export async function markInvitation(
  db: Db,
  id: string,
  changes: Partial<Pick<InvitationsTable, 'revoked_at' | 'accepted_by' | 'accepted_at'>>,
): Promise<void> {
  await db.updateTable('invitations').set(changes).where('id', '=', id).execute();
}
