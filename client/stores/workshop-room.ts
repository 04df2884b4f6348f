import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { WorkshopDetailResponse, WorkshopRole } from '../../shared/api';
import type { BoardState } from '../../shared/workshops/board';
import { layOutBoard, type BoardLayout } from '../lib/workshop-board';
import { remainingMs } from '../lib/workshop-clock';
import type { WorkshopBoard } from './workshop-board';
import type { WorkshopStore } from './workshop';

/** Ticks of the countdown: often enough that a second never shows late. */
const TICK_MS = 250;

/**
 * Everything the room's pieces read: the workshop from my side, the live
 * board laid out once for all of them, what my role lets me do now (the
 * server decides; this only hides what it would refuse), the server's
 * time, and the one place a failed action is reported.
 */
export interface WorkshopRoom {
  workshopId: string;
  store: WorkshopStore;
  board: WorkshopBoard;
  detail: Accessor<WorkshopDetailResponse>;
  /** Null until the board's first sync. */
  state: Accessor<BoardState | null>;
  layout: Accessor<BoardLayout>;
  role: Accessor<WorkshopRole>;
  isFacilitator: Accessor<boolean>;
  /** Neither locked nor ended, and the server still listening. */
  open: Accessor<boolean>;
  canWrite: Accessor<boolean>;
  canVote: Accessor<boolean>;
  canCluster: Accessor<boolean>;
  /** Milliseconds left on the step's timer, the same on every screen (ticking while it runs). */
  remaining: Accessor<number>;
  /** The last action that failed, until dismissed or the next one succeeds. */
  problem: Accessor<unknown>;
  dismissProblem(): void;
  /** Runs an action; a failure is reported in the room rather than thrown. True when it worked. */
  attempt(action: () => Promise<unknown>): Promise<boolean>;
}

export function createWorkshopRoom(
  workshopId: string,
  store: WorkshopStore,
  board: WorkshopBoard,
  detail: Accessor<WorkshopDetailResponse>,
): WorkshopRoom {
  const state = createMemo(() => board.board().state);
  const layout = createMemo(() => layOutBoard(board.board()));
  const role = () => detail().me.role;
  // Memos: every note asks these, and the board changes far more often than they do.
  // A socket the server closed for good (a guest's access over, a session ended) leaves the board to read only.
  const open = createMemo(() => {
    const current = state();
    return current !== null && !current.locked && !current.ended && board.connection().stoppedBy === null;
  });
  const takesPart = () => role() !== 'observer';
  const canWrite = createMemo(() => open() && takesPart());
  const canCluster = createMemo(() => open() && detail().me.canCluster);

  const [now, setNow] = createSignal(Date.now());
  createEffect(() => {
    if (state()?.timer.status !== 'running') return;
    setNow(Date.now());
    const ticking = setInterval(() => setNow(Date.now()), TICK_MS);
    onCleanup(() => clearInterval(ticking));
  });

  const [problem, setProblem] = createSignal<unknown>(null);
  // A missed reveal or a lock while offline: what I hold of my own notes and dots is read again.
  onCleanup(board.onReconnect(() => store.reload()));

  return {
    workshopId,
    store,
    board,
    detail,
    state,
    layout,
    role,
    isFacilitator: () => role() === 'facilitator',
    open,
    canWrite,
    canVote: canWrite,
    canCluster,
    remaining() {
      const timer = state()?.timer;
      return timer ? remainingMs(timer, store.offset(), now()) : 0;
    },
    problem,
    dismissProblem: () => setProblem(null),
    async attempt(action) {
      try {
        await action();
        setProblem(null);
        return true;
      } catch (error) {
        setProblem(() => error);
        return false;
      }
    },
  };
}
