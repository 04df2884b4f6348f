import { createSignal, For, Show } from 'solid-js';
import type { BoardCluster } from '../../shared/workshops/board';
import { CLUSTER_TITLE_MAX_LENGTH } from '../../shared/workshops/formats';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import type { NoteDrag } from './workshop-board-view';
import { ConfirmButton } from './workshop-confirm-button';
import { dropTarget, WorkshopNote } from './workshop-note';

/** Notes gathered under a title; a drop target for the notes of its column. */
export function WorkshopCluster(props: { room: WorkshopRoom; cluster: BoardCluster; clusters: readonly BoardCluster[]; drag: NoteDrag }) {
  const { locale } = useApp();
  const [renaming, setRenaming] = createSignal(false);
  const notes = () => props.room.layout().notesOf.get(props.cluster.id) ?? [];
  const votes = () => props.room.layout().votesOf.get(props.cluster.id);
  const titleId = () => `ws-cluster-${props.cluster.id}`;

  return (
    <section
      class="ws-cluster"
      data-testid="cluster"
      data-cluster-id={props.cluster.id}
      aria-labelledby={titleId()}
      {...dropTarget(props.room, props.drag, props.cluster.column, props.cluster.id)}
    >
      <header class="ws-cluster-head">
        <Show
          when={renaming()}
          fallback={
            <h4 id={titleId()} class="ws-cluster-title" data-testid="cluster-title">
              {props.cluster.title}
            </h4>
          }
        >
          <RenameCluster room={props.room} cluster={props.cluster} onDone={() => setRenaming(false)} />
        </Show>
        <Show when={props.room.state()?.votesRevealed}>
          <span class="ws-note-votes" data-testid="cluster-votes" data-votes={votes() ?? 0}>
            {locale.tn('workshops.votes.count', votes() ?? 0)}
          </span>
        </Show>
      </header>
      <Show when={props.room.canCluster() && !renaming()}>
        <div class="ws-note-actions">
          <button type="button" class="button subtle ws-small" data-testid="cluster-rename" onClick={() => setRenaming(true)}>
            {locale.t('workshops.cluster.rename')}
          </button>
          <ConfirmButton
            label={locale.t('workshops.cluster.delete')}
            question={locale.t('workshops.cluster.deleteConfirm')}
            testId="cluster-delete"
            onConfirm={() => void props.room.attempt(() => props.room.store.deleteCluster(props.cluster.id))}
          />
        </div>
      </Show>
      <ul class="ws-notes" data-testid="cluster-notes">
        <For each={notes()} fallback={<li class="muted ws-cluster-empty">{locale.t('workshops.cluster.empty')}</li>}>
          {(note) => (
            <li>
              <WorkshopNote room={props.room} note={note} clusters={props.clusters} drag={props.drag} />
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function RenameCluster(props: { room: WorkshopRoom; cluster: BoardCluster; onDone(): void }) {
  const { locale } = useApp();
  let input!: HTMLInputElement;
  return (
    <form
      class="inline-form-row"
      onSubmit={async (event) => {
        event.preventDefault();
        const title = input.value.trim();
        if (title === '' || title === props.cluster.title) return props.onDone();
        if (await props.room.attempt(() => props.room.store.renameCluster(props.cluster.id, title))) props.onDone();
      }}
    >
      <input
        ref={(element) => {
          input = element;
          queueMicrotask(() => element.select());
        }}
        class="text-input"
        data-testid="cluster-rename-title"
        value={props.cluster.title}
        maxLength={CLUSTER_TITLE_MAX_LENGTH}
        aria-label={locale.t('workshops.cluster.titleLabel')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onDone();
        }}
      />
      <button type="submit" class="button primary ws-small">
        {locale.t('common.save')}
      </button>
    </form>
  );
}
