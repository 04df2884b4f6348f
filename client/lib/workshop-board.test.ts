import { describe, expect, it } from 'vitest';
import type { Board, BoardCluster, BoardNote, BoardState } from '../../shared/workshops/board';
import { WORKSHOP_AGENDAS, WORKSHOP_COLUMNS } from '../../shared/workshops/formats';
import { layOutBoard } from './workshop-board';

const state = (changes: Partial<BoardState> = {}): BoardState => ({
  title: 'Review',
  objective: '',
  date: '2025-03-01',
  format: 'after_action_review',
  columns: [...WORKSHOP_COLUMNS.after_action_review],
  steps: [...WORKSHOP_AGENDAS.after_action_review],
  voteBudget: 5,
  step: 0,
  timer: { status: 'idle', durationMs: 480_000 },
  locked: false,
  authorsRevealed: false,
  votesRevealed: false,
  ended: false,
  ...changes,
});

let clock = 0;
const note = (id: string, column: BoardNote['column'], changes: Partial<BoardNote> = {}): BoardNote => ({
  id,
  column,
  text: id,
  clusterId: null,
  createdAt: clock++,
  anonymous: false,
  author: null,
  votes: null,
  ...changes,
});
const cluster = (id: string, column: BoardCluster['column']): BoardCluster => ({ id, column, title: id, createdAt: clock++ });

describe('layOutBoard', () => {
  it('puts each note in its column and cluster, keeping the board’s order', () => {
    const board: Board = {
      state: state(),
      clusters: [cluster('c1', 'why')],
      notes: [note('n1', 'planned'), note('n2', 'why', { clusterId: 'c1' }), note('n3', 'why'), note('n4', 'why', { clusterId: 'c1' })],
    };
    const layout = layOutBoard(board);
    expect(layout.columns.map((c) => c.column)).toEqual(['planned', 'happened', 'why', 'differently']);
    const why = layout.columns[2]!;
    expect(why.clusters.map((c) => c.id)).toEqual(['c1']);
    expect(why.loose.map((n) => n.id)).toEqual(['n3']);
    expect(why.count).toBe(3);
    expect(layout.notesOf.get('c1')?.map((n) => n.id)).toEqual(['n2', 'n4']);
    expect(layout.columns[0]!.loose.map((n) => n.id)).toEqual(['n1']);
    // The board's own objects, so keyed lists redraw only what changed.
    expect(why.loose[0]).toBe(board.notes[2]);
  });

  it('treats a note whose cluster is gone, or of another column, as unclustered', () => {
    const layout = layOutBoard({
      state: state(),
      clusters: [cluster('c1', 'planned')],
      notes: [note('n1', 'why', { clusterId: 'gone' }), note('n2', 'why', { clusterId: 'c1' })],
    });
    expect(layout.columns[2]!.loose.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(layout.notesOf.get('c1')).toEqual([]);
  });

  it('leaves out notes and clusters of columns the format does not have', () => {
    const layout = layOutBoard({ state: state(), clusters: [cluster('c1', 'tried')], notes: [note('n1', 'context')] });
    expect(layout.columns.every((c) => c.count === 0 && c.clusters.length === 0)).toBe(true);
  });

  it('orders by votes once they are revealed, the most voted first, ties by age', () => {
    const layout = layOutBoard({
      state: state({ votesRevealed: true }),
      clusters: [cluster('small', 'why'), cluster('big', 'why')],
      notes: [
        note('a', 'why', { clusterId: 'small', votes: 1 }),
        note('b', 'why', { clusterId: 'big', votes: 2 }),
        note('c', 'why', { clusterId: 'big', votes: 3 }),
        note('d', 'why', { votes: 0 }),
        note('e', 'why', { votes: 4 }),
        note('f', 'why', { votes: 0 }),
      ],
    });
    const why = layout.columns[2]!;
    expect(why.clusters.map((c) => c.id)).toEqual(['big', 'small']);
    expect(layout.votesOf.get('big')).toBe(5);
    expect(layout.notesOf.get('big')?.map((n) => n.id)).toEqual(['c', 'b']);
    expect(why.loose.map((n) => n.id)).toEqual(['e', 'd', 'f']);
  });

  it('has no columns before the board has arrived', () => {
    expect(layOutBoard({ state: null, notes: [], clusters: [] }).columns).toEqual([]);
  });
});
