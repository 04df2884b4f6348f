import { createMemo, createSignal, For, Show } from 'solid-js';
import type { BoardNote } from '../../shared/workshops/board';
import type { WorkshopColumn as ColumnKey } from '../../shared/workshops/formats';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import { WorkshopColumn } from './workshop-column';

/** The note being dragged to a cluster, if any: drop targets of its column accept it. */
export interface NoteDrag {
  dragged(): BoardNote | null;
  setDragged(note: BoardNote | null): void;
}

/**
 * The board: one column per question of the format. On a phone the columns
 * sit side by side to swipe through, with a row of their names to jump to one.
 */
export function WorkshopBoardView(props: { room: WorkshopRoom }) {
  const { locale } = useApp();
  const [dragged, setDragged] = createSignal<BoardNote | null>(null);
  const drag: NoteDrag = { dragged, setDragged };
  // The columns by name, compared by value: the board changing does not rebuild them (nor lose a draft being written).
  const columns = createMemo(() => props.room.layout().columns.map((column) => column.column), undefined, {
    equals: (a, b) => a.length === b.length && a.every((column, i) => column === b[i]),
  });
  const columnId = (column: ColumnKey) => `ws-column-${column}`;
  const budget = () => props.room.state()?.voteBudget ?? 0;

  return (
    <section class="ws-board" aria-labelledby="ws-board-title" data-testid="workshop-board">
      <div class="ws-board-head">
        <h2 id="ws-board-title">{locale.t('workshops.board.title')}</h2>
        <Show when={props.room.role() !== 'observer'}>
          <p class="ws-dots-left" data-testid="dots-left" data-left={props.room.store.votesLeft()} role="status">
            {locale.t('workshops.votes.left', { left: props.room.store.votesLeft(), budget: budget() })}
          </p>
        </Show>
      </div>
      <nav class="ws-column-nav" aria-label={locale.t('workshops.board.columns')}>
        <For each={columns()}>
          {(column) => (
            <a
              href={`#${columnId(column)}`}
              class="chip"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(columnId(column))?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' });
              }}
            >
              {locale.t(`workshops.column.${column}`)}
            </a>
          )}
        </For>
      </nav>
      <div class="ws-columns" data-count={columns().length}>
        <For each={columns()}>
          {(column) => (
            <Show when={props.room.layout().columns.find((layout) => layout.column === column)}>
              {(layout) => <WorkshopColumn room={props.room} layout={layout()} drag={drag} id={columnId(column)} />}
            </Show>
          )}
        </For>
      </div>
    </section>
  );
}
