import { createSignal, For, Show, type JSX } from 'solid-js';
import type { BoardCluster, BoardNote } from '../../shared/workshops/board';
import { NOTE_MAX_LENGTH, type WorkshopColumn } from '../../shared/workshops/formats';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import type { NoteDrag } from './workshop-board-view';
import { ConfirmButton } from './workshop-confirm-button';

/** Notes with no author to show, and those being written anonymously, are grey. */
const ANONYMOUS_COLOR = '#8a949a';

/**
 * Where a dragged note can be dropped: a cluster of its own column, or the
 * column's unclustered notes (`clusterId` null). Spread onto the target.
 */
export function dropTarget<T extends HTMLElement>(
  room: WorkshopRoom,
  drag: NoteDrag,
  column: WorkshopColumn,
  clusterId: string | null,
): Pick<JSX.HTMLAttributes<T>, 'onDragOver' | 'onDragLeave' | 'onDrop'> {
  const accepts = () => {
    const note = drag.dragged();
    return room.canCluster() && note !== null && note.column === column && note.clusterId !== clusterId;
  };
  return {
    onDragOver(event: DragEvent & { currentTarget: T }) {
      if (!accepts()) return;
      event.preventDefault();
      event.currentTarget.classList.add('ws-drop');
    },
    onDragLeave: (event: DragEvent & { currentTarget: T }) => event.currentTarget.classList.remove('ws-drop'),
    onDrop(event: DragEvent & { currentTarget: T }) {
      event.currentTarget.classList.remove('ws-drop');
      const note = drag.dragged();
      if (!accepts() || note === null) return;
      event.preventDefault();
      drag.setDragged(null);
      void room.attempt(() => room.store.placeNote(note.id, clusterId));
    },
  };
}

/**
 * One sticky note: its text, in its author's organisation colour (grey while
 * anonymous), its dots once revealed, and what I may do with it — vote, move
 * it to a cluster (drag, or the "Move to…" list on a phone or a keyboard),
 * edit or delete it. Cheap to draw: a room holds hundreds.
 */
export function WorkshopNote(props: { room: WorkshopRoom; note: BoardNote; clusters: readonly BoardCluster[]; drag: NoteDrag }) {
  const { locale } = useApp();
  const [editing, setEditing] = createSignal(false);
  const mine = () => props.room.store.isMine(props.note.id);
  const color = () => props.note.author?.organisation?.color ?? ANONYMOUS_COLOR;
  const canEdit = () => mine() && props.room.open();
  const canDelete = () => (mine() || props.room.isFacilitator()) && props.room.open();

  return (
    <article
      class="ws-note"
      data-testid="note"
      data-note-id={props.note.id}
      data-mine={mine() ? 'true' : undefined}
      data-anonymous={props.note.author === null ? 'true' : undefined}
      style={{ '--note-color': color() }}
      draggable={props.room.canCluster() && !editing()}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', props.note.text);
        props.drag.setDragged(props.note);
      }}
      onDragEnd={() => props.drag.setDragged(null)}
    >
      <Show when={editing()} fallback={<p class="ws-note-text" data-testid="note-text">{props.note.text}</p>}>
        <NoteEditor room={props.room} note={props.note} onDone={() => setEditing(false)} />
      </Show>
      <footer class="ws-note-foot">
        <span class="ws-note-author" data-testid="note-author">
          <NoteAuthor note={props.note} mine={mine()} />
        </span>
        <Show when={props.note.votes !== null}>
          <span class="ws-note-votes" data-testid="note-votes" data-votes={props.note.votes}>
            {locale.tn('workshops.votes.count', props.note.votes ?? 0)}
          </span>
        </Show>
      </footer>
      <Show when={!editing() && (props.room.canVote() || props.room.canCluster() || canEdit() || canDelete())}>
        <div class="ws-note-actions">
          <Show when={props.room.canVote()}>
            <DotVoting room={props.room} note={props.note} />
          </Show>
          <Show when={props.room.canCluster()}>
            <MoveTo room={props.room} note={props.note} clusters={props.clusters} />
          </Show>
          <Show when={canEdit()}>
            <button type="button" class="button subtle ws-small" data-testid="note-edit" onClick={() => setEditing(true)}>
              {locale.t('workshops.note.edit')}
            </button>
          </Show>
          <Show when={canDelete()}>
            <ConfirmButton
              label={locale.t('workshops.note.delete')}
              question={locale.t('workshops.note.deleteConfirm')}
              testId="note-delete"
              onConfirm={() => void props.room.attempt(() => props.room.store.deleteNote(props.note.id))}
            />
          </Show>
        </div>
      </Show>
    </article>
  );
}

function NoteAuthor(props: { note: BoardNote; mine: boolean }) {
  const { locale } = useApp();
  return (
    <Show
      when={props.note.author}
      fallback={locale.t(props.mine ? 'workshops.note.yoursAnonymous' : 'workshops.note.anonymous')}
    >
      {(author) => (
        <>
          {author().name}
          <Show when={author().organisation}>{(organisation) => <span class="muted"> · {organisation().name}</span>}</Show>
          <Show when={props.mine}>
            <span class="muted"> {locale.t('participants.you')}</span>
          </Show>
        </>
      )}
    </Show>
  );
}

/** My dots on the note, one button to add and one to take back; the budget is the room's. */
function DotVoting(props: { room: WorkshopRoom; note: BoardNote }) {
  const { locale } = useApp();
  const mine = () => props.room.store.myVotes()[props.note.id] ?? 0;
  const budget = () => props.room.state()?.voteBudget ?? 0;
  const set = (count: number) => void props.room.attempt(() => props.room.store.vote(props.note.id, count, budget()));
  return (
    <span class="ws-dots" role="group" aria-label={locale.t('workshops.votes.group')}>
      <button
        type="button"
        class="ws-dot-button"
        data-testid="note-unvote"
        disabled={mine() === 0}
        aria-label={locale.t('workshops.votes.remove')}
        onClick={() => set(mine() - 1)}
      >
        −
      </button>
      <span class="ws-my-dots" data-testid="note-my-dots" data-dots={mine()} aria-label={locale.tn('workshops.votes.mine', mine())}>
        <For each={Array.from({ length: mine() })}>{() => <span class="ws-dot" aria-hidden="true" />}</For>
        <Show when={mine() === 0}>
          <span class="ws-dot empty" aria-hidden="true" />
        </Show>
      </span>
      <button
        type="button"
        class="ws-dot-button"
        data-testid="note-vote"
        disabled={props.room.store.votesLeft() === 0}
        aria-label={locale.t('workshops.votes.add')}
        onClick={() => set(mine() + 1)}
      >
        +
      </button>
    </span>
  );
}

/** Clustering without dragging: works the same with a finger, a keyboard or a screen reader. */
function MoveTo(props: { room: WorkshopRoom; note: BoardNote; clusters: readonly BoardCluster[] }) {
  const { locale } = useApp();
  return (
    <select
      class="ws-move"
      data-testid="note-move"
      aria-label={locale.t('workshops.note.moveTo')}
      onChange={async (event) => {
        const select = event.currentTarget;
        const clusterId = select.value === '' ? null : select.value;
        // Refused: the list goes back to where the note still is.
        if (!(await props.room.attempt(() => props.room.store.placeNote(props.note.id, clusterId)))) select.value = props.note.clusterId ?? '';
      }}
    >
      <option value="" selected={props.note.clusterId === null}>
        {props.note.clusterId === null ? locale.t('workshops.note.moveTo') : locale.t('workshops.note.unclustered')}
      </option>
      <For each={props.clusters}>
        {(cluster) => (
          <option value={cluster.id} selected={cluster.id === props.note.clusterId}>
            {cluster.title}
          </option>
        )}
      </For>
    </select>
  );
}

function NoteEditor(props: { room: WorkshopRoom; note: BoardNote; onDone(): void }) {
  const { locale } = useApp();
  let text!: HTMLTextAreaElement;
  const save = async () => {
    const value = text.value.trim();
    if (value === '' || value === props.note.text) return props.onDone();
    if (await props.room.attempt(() => props.room.store.editNote(props.note.id, value))) props.onDone();
  };
  return (
    <form
      class="ws-note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={(element) => {
          text = element;
          queueMicrotask(() => element.focus());
        }}
        class="text-input textarea"
        data-testid="note-edit-text"
        value={props.note.text}
        maxLength={NOTE_MAX_LENGTH}
        aria-label={locale.t('workshops.note.editLabel')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onDone();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
        }}
      />
      <div class="ws-note-actions">
        <button type="submit" class="button primary ws-small" data-testid="note-save">
          {locale.t('common.save')}
        </button>
        <button type="button" class="button subtle ws-small" onClick={() => props.onDone()}>
          {locale.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
