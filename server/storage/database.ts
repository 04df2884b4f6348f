import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { NotificationKind } from '../../shared/api/annotations';
import type { DocumentKind, DocumentStatus } from '../../shared/knowledge/kinds';
import type { WorkshopFormat } from '../../shared/workshops/formats';
import type { Language, Role, StakeholderKind } from '../../shared/roles';

/** Timestamps are milliseconds since the epoch. */
export interface DocumentsTable {
  id: string;
  /** Null only for documents written before accounts existed. */
  project_id: string | null;
  title: string;
  kind: ColumnType<DocumentKind, DocumentKind | undefined, DocumentKind>;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  language: ColumnType<Language, Language | undefined, Language>;
  /** JSON arrays of strings. */
  themes: ColumnType<string, string | undefined, string>;
  tags: ColumnType<string, string | undefined, string>;
  status_changed_by: ColumnType<string | null, string | null | undefined, string | null>;
  status_changed_at: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: number;
  updated_at: number;
}

export interface DocumentStatusChangesTable {
  id: Generated<number>;
  document_id: string;
  from_status: DocumentStatus;
  to_status: DocumentStatus;
  changed_by: string;
  changed_at: number;
}

/** `mention`: the source's text links to the target; `promotion`: the source was made from an entry of the target. */
export type DocumentLinkKind = 'mention' | 'promotion' | 'synthesis';

export interface DocumentLinksTable {
  source_id: string;
  target_id: string;
  kind: DocumentLinkKind;
  entry_id: string | null;
}

/** Who edited a document (an update of theirs was stored), first and last time. */
export interface DocumentContributorsTable {
  document_id: string;
  user_id: string;
  first_at: number;
  last_at: number;
  /** Updates of theirs the server stored. */
  edits: ColumnType<number, number | undefined, number>;
}

/**
 * Characters `clock`..`clock + length` of a client id, credited to `user_id`:
 * an accepted suggestion's author (`thread_id` its thread), or restored
 * text's first author (no thread).
 */
export interface DocumentCreditsTable {
  document_id: string;
  client_id: number;
  clock: number;
  length: number;
  user_id: string;
  thread_id: string | null;
}

/** One version of a document: the changes since the version before, and its snapshot. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  number: number;
  kind: 'auto' | 'named' | 'restore';
  name: string | null;
  created_at: number;
  created_by: string | null;
  restored_from: string | null;
  /** A Yjs update: what was written and deleted since the previous version. */
  changes: Uint8Array;
  /** Y.encodeSnapshot (state vector and delete set) of the newest version only; null on the others. */
  snapshot: Uint8Array | null;
  characters: number;
  /** JSON {userId: characters} at this version. */
  authors: string;
}

/** A workshop's settings beside its document; what its board shows lives in the board's Yjs document. */
export interface WorkshopsTable {
  document_id: string;
  format: WorkshopFormat;
  date: string;
  vote_budget: number;
  guest_code: string;
  /** ms since the epoch: guests' sessions end then. */
  guest_access_until: number;
  ended_at: number | null;
  created_by: string | null;
}

/** Who wrote each note: kept from the board while the note is anonymous. */
export interface WorkshopNotesTable {
  id: string;
  workshop_id: string;
  user_id: string;
  anonymous: number;
  created_at: number;
}

export interface WorkshopVotesTable {
  workshop_id: string;
  note_id: string;
  user_id: string;
  count: number;
}

export interface WorkshopGuestsTable {
  user_id: string;
  organisation_name: string;
  organisation_kind: StakeholderKind;
}

/** People whose edits a version holds that the one before did not. */
export interface DocumentVersionEditorsTable {
  version_id: string;
  user_id: string;
}

/** The person each Yjs client id of a document belongs to. */
export interface DocumentClientsTable {
  document_id: string;
  client_id: number;
  user_id: string;
  first_at: number;
}

/** Every accepted Yjs update, in arrival order, until compaction folds it into a snapshot. */
export interface DocumentUpdatesTable {
  seq: Generated<number>;
  document_id: string;
  data: Uint8Array;
}

/** One row per document: its whole state as a single Yjs update, covering updates up to `through_seq`. */
export interface DocumentSnapshotsTable {
  document_id: string;
  data: Uint8Array;
  through_seq: number;
  updated_at: ColumnType<number, number, number>;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: StakeholderKind;
  country: string;
  color: string;
  created_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string | null;
  language: Language;
  password_hash: string;
  is_admin: number;
  created_at: number;
  /** A guest's account: the workshop it reaches, and nothing else. */
  guest_of: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, hex. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface ProjectsTable {
  id: string;
  title: string;
  /** Name of the programme the project belongs to; empty when it stands alone. */
  programme: string;
  summary: string;
  /** JSON arrays of strings. */
  countries: string;
  themes: string;
  starts_on: string | null;
  ends_on: string | null;
  status: 'planned' | 'active' | 'closed';
  created_at: number;
  updated_at: number;
}

export interface ProjectPartnersTable {
  project_id: string;
  organisation_id: string;
}

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  project_id: string;
  role: Role;
  organisation_id: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  accepted_by: string | null;
  accepted_at: number | null;
}

/** Someone mentioned a person, replied to their thread, or accepted their suggestion. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  actor_id: string;
  document_id: string;
  thread_id: string;
  message_id: string;
  excerpt: string;
  created_at: number;
  read_at: number | null;
}

export interface Database {
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  /** A document's discussion, kept exactly as its content is. */
  discussion_updates: DocumentUpdatesTable;
  discussion_snapshots: DocumentSnapshotsTable;
  notifications: NotificationsTable;
  document_status_changes: DocumentStatusChangesTable;
  document_links: DocumentLinksTable;
  document_contributors: DocumentContributorsTable;
  document_clients: DocumentClientsTable;
  document_credits: DocumentCreditsTable;
  document_versions: DocumentVersionsTable;
  document_version_editors: DocumentVersionEditorsTable;
  workshops: WorkshopsTable;
  workshop_notes: WorkshopNotesTable;
  workshop_votes: WorkshopVotesTable;
  workshop_guests: WorkshopGuestsTable;
  /** A workshop's board, kept exactly as a document's content is. */
  board_updates: DocumentUpdatesTable;
  board_snapshots: DocumentSnapshotsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  project_partners: ProjectPartnersTable;
  project_members: ProjectMembersTable;
  invitations: InvitationsTable;
}

export type Db = Kysely<Database>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type MemberRow = Selectable<ProjectMembersTable>;
