import type * as Y from 'yjs';
import type { StakeholderKind } from '../roles';
import type { WorkshopColumn, WorkshopFormat, WorkshopStep } from './formats';

/**
 * The board of a workshop: a Yjs document only the server writes (room
 * `<workshopId>/board`), so everyone in the room sees the same step, timer
 * and notes live — and sees only what the facilitator has revealed: an
 * anonymous note carries no author, and vote totals are absent, until the
 * reveal. Authors and votes are kept apart on the server until then.
 */
export const BOARD_ROOM_SUFFIX = '/board';

export const boardRoom = (workshopId: string) => `${workshopId}${BOARD_ROOM_SUFFIX}`;

/** Root maps of the board document. */
export const BOARD_STATE = 'workshop';
export const BOARD_NOTES = 'notes';
export const BOARD_CLUSTERS = 'clusters';

export type TimerState =
  | { status: 'idle'; durationMs: number }
  /** Ends at `endsAt`, in the server's clock (ms since the epoch): every screen counts down to the same moment. */
  | { status: 'running'; endsAt: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number };

export interface BoardState {
  title: string;
  objective: string;
  /** YYYY-MM-DD. */
  date: string;
  format: WorkshopFormat;
  columns: WorkshopColumn[];
  steps: WorkshopStep[];
  voteBudget: number;
  /** Index into `steps`. */
  step: number;
  timer: TimerState;
  locked: boolean;
  authorsRevealed: boolean;
  votesRevealed: boolean;
  ended: boolean;
}

/** Who wrote a note, as the board shows it. */
export interface NoteAuthor {
  userId: string;
  name: string;
  organisation: { name: string; kind: StakeholderKind | null; color: string } | null;
  guest: boolean;
}

export interface BoardNote {
  id: string;
  column: WorkshopColumn;
  text: string;
  clusterId: string | null;
  /** ms since the epoch. */
  createdAt: number;
  anonymous: boolean;
  /** Null while the note is anonymous and authors are not revealed. */
  author: NoteAuthor | null;
  /** Null until votes are revealed. */
  votes: number | null;
}

export interface BoardCluster {
  id: string;
  column: WorkshopColumn;
  title: string;
  createdAt: number;
}

export interface Board {
  state: BoardState | null;
  notes: BoardNote[];
  clusters: BoardCluster[];
}

/** The board as a board document holds it; notes and clusters oldest first. */
export function readBoard(doc: Y.Doc): Board {
  const state = doc.getMap<unknown>(BOARD_STATE);
  const byAge = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return {
    state: state.size > 0 ? (state.toJSON() as BoardState) : null,
    notes: [...doc.getMap<BoardNote>(BOARD_NOTES).values()].sort(byAge),
    clusters: [...doc.getMap<BoardCluster>(BOARD_CLUSTERS).values()].sort(byAge),
  };
}

/** Guests' organisations have no colour of their own: one is drawn from the name, the same on every screen and on the server. */
const GUEST_COLORS = ['#6b7280', '#8b5cf6', '#0e7490', '#b45309', '#be185d', '#4d7c0f', '#1e40af', '#9f1239'];
export const guestColor = (organisation: string) =>
  GUEST_COLORS[[...organisation].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % GUEST_COLORS.length]!;

/** Milliseconds left on the timer at `now` (server clock). */
export function timeLeft(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now);
  if (timer.status === 'paused') return timer.remainingMs;
  return timer.durationMs;
}
