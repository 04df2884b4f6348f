import { randomInt } from 'node:crypto';
import type * as Y from 'yjs';
import type {
  CreateClusterInput,
  CreateNoteInput,
  FacilitationInput,
  Workshop,
  WorkshopDetailResponse,
  WorkshopRole,
  createWorkshopInputSchema,
} from '../../shared/api';
import { GUEST_CODE_ALPHABET } from '../../shared/api/workshops';
import { roleAllows, type Role, type StakeholderKind } from '../../shared/roles';
import {
  BOARD_CLUSTERS,
  BOARD_NOTES,
  BOARD_STATE,
  boardRoom,
  guestColor,
  type BoardCluster,
  type BoardNote,
  type BoardState,
  type NoteAuthor,
  type TimerState,
} from '../../shared/workshops/board';
import { DEFAULT_VOTE_BUDGET, MAX_NOTES, WORKSHOP_AGENDAS, WORKSHOP_COLUMNS, type WorkshopColumn } from '../../shared/workshops/formats';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { Db } from '../storage/database';
import * as repo from '../storage/workshops-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { createDocument } from './documents';
import { newId } from './ids';
import type { z } from 'zod';

/**
 * Workshops run live: notes, clusters and votes from participants, the
 * agenda, timer, reveals and lock from the facilitator. Every rule is
 * checked here; the board everyone sees is written by the server alone
 * (`changeAsServer`), after the check, and shows only what is revealed.
 */

export interface WorkshopAccess {
  workshop: repo.WorkshopRecord;
  role: WorkshopRole;
  canCluster: boolean;
}

/** What `actor` may do in the workshop; not found for anyone outside its project who is not its guest. */
export async function workshopAccess(deps: ServiceDeps, actor: Actor, workshopId: string): Promise<WorkshopAccess> {
  const workshop = await repo.findWorkshop(deps.db, workshopId);
  if (!workshop?.project_id) throw notFound('Workshop');
  if (actor.guest_of) {
    if (actor.guest_of !== workshopId) throw notFound('Workshop');
    return { workshop, role: 'guest', canCluster: false };
  }
  let role: Role;
  try {
    role = await authorize(deps, actor, workshop.project_id, 'document.read');
  } catch (error) {
    // The same answer as for a workshop that does not exist: ids reveal nothing about other projects.
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Workshop');
    throw error;
  }
  const workshopRole: WorkshopRole = roleAllows(role, 'workshop.facilitate')
    ? 'facilitator'
    : roleAllows(role, 'document.comment')
      ? 'participant'
      : 'observer';
  return { workshop, role: workshopRole, canCluster: roleAllows(role, 'document.edit') };
}

const mayWrite = (access: WorkshopAccess) => {
  if (access.role === 'observer') throw forbidden('Your role lets you follow the workshop, not write on its board');
};
const mayFacilitate = (access: WorkshopAccess) => {
  if (access.role !== 'facilitator') throw forbidden('Only a facilitator may do this');
};
const mayCluster = (access: WorkshopAccess) => {
  if (!access.canCluster) throw forbidden('Your role does not let you group notes');
};
const locked = () => conflict('workshop_locked', 'The board is locked');

/** The board's state, as the server reads it back while changing it. */
function stateOf(doc: Y.Doc): BoardState {
  const state = doc.getMap<unknown>(BOARD_STATE);
  if (state.size === 0) throw notFound('Workshop board');
  return state.toJSON() as BoardState;
}

/** One of the workshop's columns (each format has its own), or a refusal. */
function columnOf(state: BoardState, column: string): WorkshopColumn {
  const found = state.columns.find((c) => c === column);
  if (!found) throw badRequest('This workshop has no such column');
  return found;
}

const notesOf = (doc: Y.Doc) => doc.getMap<BoardNote>(BOARD_NOTES);
const clustersOf = (doc: Y.Doc) => doc.getMap<BoardCluster>(BOARD_CLUSTERS);

/**
 * Changes the board, live for everyone in the room. `write` sees the board
 * as it is and may throw to change nothing: board changes run one at a
 * time, so what it checks still holds when it writes.
 */
function changeBoard<T>(deps: ServiceDeps, workshopId: string, write: (doc: Y.Doc, state: BoardState) => T): Promise<T> {
  return deps.rooms.changeAsServer(boardRoom(workshopId), (doc) => write(doc, stateOf(doc)));
}

/** Changes the board while it takes writing: not locked, not ended. */
function changeOpenBoard<T>(deps: ServiceDeps, workshopId: string, write: (doc: Y.Doc, state: BoardState) => T): Promise<T> {
  return changeBoard(deps, workshopId, (doc, state) => {
    if (state.locked || state.ended) throw locked();
    return write(doc, state);
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** Guests may come until the end of the day after the workshop's date, wherever they are. */
const guestAccessUntil = (date: string) => Date.parse(`${date}T00:00:00Z`) + 2 * DAY_MS;

function guestCode(): string {
  return Array.from({ length: 6 }, () => GUEST_CODE_ALPHABET[randomInt(GUEST_CODE_ALPHABET.length)]).join('');
}

function toWorkshop(workshop: repo.WorkshopRecord, role: WorkshopRole, notes: number, now: number): Workshop {
  const open = workshop.ended_at === null && workshop.guest_access_until > now;
  return {
    id: workshop.id,
    projectId: workshop.project_id!,
    title: workshop.title,
    date: workshop.date,
    format: workshop.format,
    guestCode: role === 'facilitator' && open ? workshop.guest_code : null,
    guestAccessUntil: new Date(workshop.guest_access_until).toISOString(),
    ended: workshop.ended_at !== null,
    notes,
  };
}

export async function createWorkshop(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof createWorkshopInputSchema>,
): Promise<Workshop> {
  await authorize(deps, actor, projectId, 'workshop.facilitate');
  const document = await createDocument(deps, actor, projectId, { kind: 'workshop', title: input.title });
  const voteBudget = input.voteBudget ?? DEFAULT_VOTE_BUDGET;
  const steps = input.steps ?? [...WORKSHOP_AGENDAS[input.format]];
  // Codes are short for people to type: a clash with another workshop's is drawn again.
  for (let attempt = 0; ; attempt++) {
    try {
      await repo.insertWorkshop(deps.db, {
        document_id: document.id,
        format: input.format,
        date: input.date,
        vote_budget: voteBudget,
        guest_code: guestCode(),
        guest_access_until: guestAccessUntil(input.date),
        ended_at: null,
        created_by: actor.id,
      });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
  const state: BoardState = {
    title: input.title,
    objective: input.objective,
    date: input.date,
    format: input.format,
    columns: [...WORKSHOP_COLUMNS[input.format]],
    steps,
    voteBudget,
    step: 0,
    timer: { status: 'idle', durationMs: steps[0]!.minutes * 60_000 },
    locked: false,
    authorsRevealed: false,
    votesRevealed: false,
    ended: false,
  };
  await deps.rooms.changeAsServer(boardRoom(document.id), (doc) => {
    const map = doc.getMap<unknown>(BOARD_STATE);
    for (const [key, value] of Object.entries(state)) map.set(key, value);
  });
  const workshop = await repo.findWorkshop(deps.db, document.id);
  return toWorkshop(workshop!, 'facilitator', 0, deps.clock());
}

export async function listWorkshops(deps: ServiceDeps, actor: Actor, projectId: string): Promise<Workshop[]> {
  const role = await authorize(deps, actor, projectId, 'document.read');
  const rows = await repo.listProjectWorkshops(deps.db, projectId);
  const workshopRole: WorkshopRole = roleAllows(role, 'workshop.facilitate') ? 'facilitator' : 'participant';
  return rows.map((row) => toWorkshop(row, workshopRole, Number(row.notes), deps.clock()));
}

export async function workshopDetail(deps: ServiceDeps, actor: Actor, workshopId: string): Promise<WorkshopDetailResponse> {
  const access = await workshopAccess(deps, actor, workshopId);
  const [notes, votes, count] = await Promise.all([
    repo.myNotes(deps.db, workshopId, actor.id),
    repo.myVotes(deps.db, workshopId, actor.id),
    repo.countNotes(deps.db, workshopId),
  ]);
  const used = [...votes.values()].reduce((sum, n) => sum + n, 0);
  return {
    workshop: toWorkshop(access.workshop, access.role, count, deps.clock()),
    me: {
      userId: actor.id,
      role: access.role,
      canCluster: access.canCluster,
      notes,
      votes: Object.fromEntries(votes),
      votesLeft: Math.max(0, access.workshop.vote_budget - used),
    },
    serverTime: deps.clock(),
  };
}

/** How the board names each of these people. */
export async function noteAuthors(db: Db, userIds: string[]): Promise<Map<string, NoteAuthor>> {
  const rows = await repo.participants(db, [...new Set(userIds)]);
  return new Map(
    rows.map((r) => {
      const organisation = r.guest_of
        ? { name: r.guest_organisation ?? '', kind: (r.guest_kind as StakeholderKind | null) ?? null, color: guestColor(r.guest_organisation ?? '') }
        : r.organisation_name
          ? { name: r.organisation_name, kind: r.organisation_kind as StakeholderKind, color: r.organisation_color ?? '#6b7280' }
          : null;
      return [r.id, { userId: r.id, name: r.name, organisation, guest: r.guest_of !== null }];
    }),
  );
}

export async function addNote(deps: ServiceDeps, actor: Actor, workshopId: string, input: Required<CreateNoteInput>): Promise<string> {
  const access = await workshopAccess(deps, actor, workshopId);
  mayWrite(access);
  if ((await repo.countNotes(deps.db, workshopId)) >= MAX_NOTES) throw new AppError(413, 'payload_too_large', 'The board is full');
  const author = (await noteAuthors(deps.db, [actor.id])).get(actor.id)!;
  const note = { id: newId(), workshop_id: workshopId, user_id: actor.id, anonymous: input.anonymous ? 1 : 0, created_at: deps.clock() };
  // Who wrote it is stored first: the board never holds a note whose author is unknown.
  await repo.insertNote(deps.db, note);
  try {
    await changeOpenBoard(deps, workshopId, (doc, state) => {
      const column = columnOf(state, input.column);
      notesOf(doc).set(note.id, {
        id: note.id,
        column,
        text: input.text,
        clusterId: null,
        createdAt: note.created_at,
        anonymous: input.anonymous,
        author: input.anonymous && !state.authorsRevealed ? null : author,
        votes: state.votesRevealed ? 0 : null,
      });
    });
  } catch (error) {
    await repo.deleteNote(deps.db, note.id);
    throw error;
  }
  return note.id;
}

async function ownNote(deps: ServiceDeps, actor: Actor, access: WorkshopAccess, noteId: string, orFacilitator: boolean) {
  const note = await repo.findNote(deps.db, access.workshop.id, noteId);
  if (!note) throw notFound('Note');
  if (note.user_id !== actor.id && !(orFacilitator && access.role === 'facilitator')) throw forbidden('Only its author may change a note');
  return note;
}

export async function editNote(deps: ServiceDeps, actor: Actor, workshopId: string, noteId: string, text: string): Promise<void> {
  const access = await workshopAccess(deps, actor, workshopId);
  await ownNote(deps, actor, access, noteId, false);
  await changeOpenBoard(deps, workshopId, (doc) => {
    const note = notesOf(doc).get(noteId);
    if (note) notesOf(doc).set(noteId, { ...note, text });
  });
}

export async function removeNote(deps: ServiceDeps, actor: Actor, workshopId: string, noteId: string): Promise<void> {
  const access = await workshopAccess(deps, actor, workshopId);
  await ownNote(deps, actor, access, noteId, true);
  // A facilitator tidies a locked board; a participant's own note goes only while it is open.
  const change = access.role === 'facilitator' ? changeBoard : changeOpenBoard;
  await change(deps, workshopId, (doc) => notesOf(doc).delete(noteId));
  await repo.deleteNote(deps.db, noteId);
}

export async function placeNote(deps: ServiceDeps, actor: Actor, workshopId: string, noteId: string, clusterId: string | null): Promise<void> {
  const access = await workshopAccess(deps, actor, workshopId);
  mayCluster(access);
  await changeOpenBoard(deps, workshopId, (doc) => {
    const note = notesOf(doc).get(noteId);
    if (!note) throw notFound('Note');
    const cluster = clusterId ? clustersOf(doc).get(clusterId) : null;
    if (clusterId && !cluster) throw notFound('Cluster');
    if (cluster && cluster.column !== note.column) throw badRequest('A note joins a cluster of its own column');
    notesOf(doc).set(noteId, { ...note, clusterId });
  });
}

export async function createCluster(deps: ServiceDeps, actor: Actor, workshopId: string, input: Required<CreateClusterInput>): Promise<string> {
  const access = await workshopAccess(deps, actor, workshopId);
  mayCluster(access);
  const id = newId();
  await changeOpenBoard(deps, workshopId, (doc, state) => {
    const column = columnOf(state, input.column);
    clustersOf(doc).set(id, { id, column, title: input.title, createdAt: deps.clock() });
    for (const noteId of input.noteIds) {
      const note = notesOf(doc).get(noteId);
      if (note?.column === column) notesOf(doc).set(noteId, { ...note, clusterId: id });
    }
  });
  return id;
}

export async function renameCluster(deps: ServiceDeps, actor: Actor, workshopId: string, clusterId: string, title: string): Promise<void> {
  mayCluster(await workshopAccess(deps, actor, workshopId));
  await changeOpenBoard(deps, workshopId, (doc) => {
    const cluster = clustersOf(doc).get(clusterId);
    if (!cluster) throw notFound('Cluster');
    clustersOf(doc).set(clusterId, { ...cluster, title });
  });
}

export async function removeCluster(deps: ServiceDeps, actor: Actor, workshopId: string, clusterId: string): Promise<void> {
  mayCluster(await workshopAccess(deps, actor, workshopId));
  await changeOpenBoard(deps, workshopId, (doc) => {
    if (!clustersOf(doc).has(clusterId)) throw notFound('Cluster');
    clustersOf(doc).delete(clusterId);
    for (const note of notesOf(doc).values()) if (note.clusterId === clusterId) notesOf(doc).set(note.id, { ...note, clusterId: null });
  });
}

/** Puts `count` of one's dots on a note; answers the dots left. Totals reach the board only once revealed. */
export async function vote(deps: ServiceDeps, actor: Actor, workshopId: string, noteId: string, count: number): Promise<number> {
  const access = await workshopAccess(deps, actor, workshopId);
  mayWrite(access);
  if (!(await repo.findNote(deps.db, workshopId, noteId))) throw notFound('Note');
  // Checked first, so a locked board takes no dots; the board's own change below checks again.
  const state = await deps.rooms.read(boardRoom(workshopId), stateOf);
  if (state.locked || state.ended) throw locked();
  const left = await repo.setVote(deps.db, { workshopId, noteId, userId: actor.id, count }, access.workshop.vote_budget);
  if (left === null) throw conflict('vote_budget_exceeded', `You have ${access.workshop.vote_budget} dots in all`);
  const totals = await repo.voteTotals(deps.db, workshopId);
  await changeBoard(deps, workshopId, (doc, current) => {
    const note = notesOf(doc).get(noteId);
    if (note && current.votesRevealed) notesOf(doc).set(noteId, { ...note, votes: totals.get(noteId) ?? 0 });
  });
  return left;
}

function timerAfter(timer: TimerState, input: FacilitationInput, now: number): TimerState {
  const left = timer.status === 'running' ? Math.max(0, timer.endsAt - now) : timer.status === 'paused' ? timer.remainingMs : timer.durationMs;
  if (input.action === 'extend') {
    const more = input.minutes * 60_000;
    if (timer.status === 'running') return { ...timer, endsAt: timer.endsAt + more, durationMs: timer.durationMs + more };
    if (timer.status === 'paused') return { ...timer, remainingMs: timer.remainingMs + more, durationMs: timer.durationMs + more };
    return { status: 'idle', durationMs: timer.durationMs + more };
  }
  if (input.action !== 'timer') return timer;
  switch (input.command) {
    case 'start':
    case 'resume':
      return timer.status === 'running' ? timer : { status: 'running', endsAt: now + left, durationMs: timer.durationMs };
    case 'pause':
      return timer.status === 'running' ? { status: 'paused', remainingMs: left, durationMs: timer.durationMs } : timer;
    case 'reset':
      return { status: 'idle', durationMs: timer.durationMs };
  }
}

/** What only a facilitator may do. Everyone else is refused, whatever their client shows. */
export async function facilitate(deps: ServiceDeps, actor: Actor, workshopId: string, input: FacilitationInput): Promise<void> {
  const access = await workshopAccess(deps, actor, workshopId);
  mayFacilitate(access);
  const now = deps.clock();
  if (input.action === 'reveal') return reveal(deps, workshopId, input.what);
  await changeBoard(deps, workshopId, (doc, state) => {
    const map = doc.getMap<unknown>(BOARD_STATE);
    // An ended workshop is a record: only reveals still change it.
    if (state.ended) throw locked();
    switch (input.action) {
      case 'step': {
        const step = state.steps[input.step];
        if (!step) throw badRequest('The agenda has no such step');
        map.set('step', input.step);
        map.set('timer', { status: 'idle', durationMs: step.minutes * 60_000 } satisfies TimerState);
        return;
      }
      case 'timer':
      case 'extend':
        map.set('timer', timerAfter(state.timer, input, now));
        return;
      case 'lock':
        map.set('locked', input.locked);
        return;
      case 'end':
        map.set('ended', true);
        map.set('locked', true);
        map.set('timer', { status: 'idle', durationMs: state.timer.durationMs } satisfies TimerState);
        return;
    }
  });
  if (input.action === 'end') {
    // Guests' access ends with the workshop: their sessions go, and their sockets close at once.
    const guests = await repo.guestsOf(deps.db, workshopId);
    await repo.endWorkshop(deps.db, workshopId, now);
    await repo.endGuestSessions(deps.db, workshopId);
    for (const userId of guests) deps.events.emit({ kind: 'sessions-revoked', userId });
  }
}

/** Shows every anonymous note's author, or every note's dots, to everyone in the room. */
async function reveal(deps: ServiceDeps, workshopId: string, what: 'authors' | 'votes'): Promise<void> {
  const notes = await repo.noteAuthors(deps.db, workshopId);
  const [authors, totals] = await Promise.all([
    what === 'authors' ? noteAuthors(deps.db, notes.map((n) => n.user_id)) : new Map<string, NoteAuthor>(),
    what === 'votes' ? repo.voteTotals(deps.db, workshopId) : new Map<string, number>(),
  ]);
  const authorOf = new Map(notes.map((n) => [n.id, authors.get(n.user_id) ?? null]));
  await changeBoard(deps, workshopId, (doc) => {
    const map = doc.getMap<unknown>(BOARD_STATE);
    map.set(what === 'authors' ? 'authorsRevealed' : 'votesRevealed', true);
    for (const note of notesOf(doc).values()) {
      if (what === 'authors' && note.author === null) notesOf(doc).set(note.id, { ...note, author: authorOf.get(note.id) ?? null });
      if (what === 'votes') notesOf(doc).set(note.id, { ...note, votes: totals.get(note.id) ?? 0 });
    }
  });
}
