import type { Board, BoardCluster, BoardNote } from '../../shared/workshops/board';
import type { WorkshopColumn } from '../../shared/workshops/formats';

/** One column of the board, as it is drawn. */
export interface ColumnLayout {
  column: WorkshopColumn;
  clusters: BoardCluster[];
  /** Notes in no cluster (or in one that is gone). */
  loose: BoardNote[];
  /** Notes in the column, clustered or not. */
  count: number;
}

export interface BoardLayout {
  columns: ColumnLayout[];
  /** Each cluster's notes. */
  notesOf: ReadonlyMap<string, BoardNote[]>;
  /** Each cluster's dots, once votes are revealed. */
  votesOf: ReadonlyMap<string, number>;
}

const byVotes = <T>(votes: (item: T) => number) => (a: T, b: T) => votes(b) - votes(a);

/**
 * Where each note and cluster goes, in one pass. Oldest first (as the board
 * keeps them), so nothing jumps while people write; once votes are revealed,
 * the most voted first (a stable sort: ties keep their age order). The
 * notes and clusters are the board's own objects, so a list keyed on them
 * redraws only what changed.
 */
export function layOutBoard(board: Board): BoardLayout {
  const columns = new Map<WorkshopColumn, ColumnLayout>();
  for (const column of board.state?.columns ?? []) columns.set(column, { column, clusters: [], loose: [], count: 0 });

  const clusters = new Map<string, BoardCluster>();
  const notesOf = new Map<string, BoardNote[]>();
  for (const cluster of board.clusters) {
    const layout = columns.get(cluster.column);
    if (!layout) continue;
    clusters.set(cluster.id, cluster);
    notesOf.set(cluster.id, []);
    layout.clusters.push(cluster);
  }

  const votesOf = new Map<string, number>();
  for (const note of board.notes) {
    const layout = columns.get(note.column);
    if (!layout) continue;
    layout.count += 1;
    const cluster = note.clusterId === null ? undefined : clusters.get(note.clusterId);
    if (cluster && cluster.column === note.column) {
      notesOf.get(cluster.id)?.push(note);
      if (note.votes !== null) votesOf.set(cluster.id, (votesOf.get(cluster.id) ?? 0) + note.votes);
    } else {
      layout.loose.push(note);
    }
  }

  if (board.state?.votesRevealed) {
    const noteVotes = byVotes((note: BoardNote) => note.votes ?? 0);
    for (const layout of columns.values()) {
      layout.clusters.sort(byVotes((cluster) => votesOf.get(cluster.id) ?? 0));
      layout.loose.sort(noteVotes);
    }
    for (const notes of notesOf.values()) notes.sort(noteVotes);
  }
  return { columns: [...columns.values()], notesOf, votesOf };
}
