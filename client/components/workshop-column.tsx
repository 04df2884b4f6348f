import { createSignal, For, Show } from 'solid-js';
import { CLUSTER_TITLE_MAX_LENGTH } from '../../shared/workshops/formats';
import type { ColumnLayout } from '../lib/workshop-board';
import { useApp } from '../stores/app-context';
import type { WorkshopRoom } from '../stores/workshop-room';
import type { NoteDrag } from './workshop-board-view';
import { WorkshopCluster } from './workshop-cluster';
import { WorkshopComposer } from './workshop-composer';
import { dropTarget, WorkshopNote } from './workshop-note';

/** One question of the board: its clusters, its notes in none, and where to write a new one. */
export function WorkshopColumn(props: { room: WorkshopRoom; layout: ColumnLayout; drag: NoteDrag; id: string }) {
  const { locale } = useApp();
  const titleId = () => `${props.id}-title`;

  return (
    <section class="ws-column" id={props.id} data-testid="workshop-column" data-column={props.layout.column} aria-labelledby={titleId()}>
      <header class="ws-column-head">
        <h3 id={titleId()}>{locale.t(`workshops.column.${props.layout.column}`)}</h3>
        <span class="ws-count" aria-label={locale.tn('workshops.notes', props.layout.count)}>
          {props.layout.count}
        </span>
      </header>
      <Show when={props.room.canWrite()}>
        <WorkshopComposer room={props.room} column={props.layout.column} />
      </Show>
      <For each={props.layout.clusters}>
        {(cluster) => <WorkshopCluster room={props.room} cluster={cluster} clusters={props.layout.clusters} drag={props.drag} />}
      </For>
      <Show when={props.room.canCluster()}>
        <NewCluster room={props.room} layout={props.layout} />
      </Show>
      <ul
        class="ws-notes ws-loose"
        data-testid="loose-notes"
        aria-label={locale.t('workshops.board.unclustered')}
        {...dropTarget(props.room, props.drag, props.layout.column, null)}
      >
        <For each={props.layout.loose}>
          {(note) => (
            <li>
              <WorkshopNote room={props.room} note={note} clusters={props.layout.clusters} drag={props.drag} />
            </li>
          )}
        </For>
      </ul>
      <Show when={props.layout.count === 0}>
        <p class="muted ws-column-empty">{locale.t('workshops.board.emptyColumn')}</p>
      </Show>
    </section>
  );
}

/** A cluster to gather notes under a title, made empty and filled by moving notes in. */
function NewCluster(props: { room: WorkshopRoom; layout: ColumnLayout }) {
  const { locale } = useApp();
  const [open, setOpen] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  let input!: HTMLInputElement;

  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button subtle ws-new-cluster" data-testid="new-cluster" onClick={() => setOpen(true)}>
          {locale.t('workshops.cluster.new')}
        </button>
      }
    >
      <form
        class="inline-form-row ws-cluster-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const title = input.value.trim();
          if (title === '') return input.focus();
          setPending(true);
          const made = await props.room.attempt(() => props.room.store.createCluster({ column: props.layout.column, title, noteIds: [] }));
          setPending(false);
          if (made) setOpen(false);
        }}
      >
        <input
          ref={(element) => {
            input = element;
            queueMicrotask(() => element.focus());
          }}
          class="text-input"
          data-testid="new-cluster-title"
          maxLength={CLUSTER_TITLE_MAX_LENGTH}
          aria-label={locale.t('workshops.cluster.titleLabel')}
          placeholder={locale.t('workshops.cluster.titleLabel')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        />
        <button type="submit" class="button primary" data-testid="new-cluster-create" disabled={pending()}>
          {locale.t('workshops.cluster.create')}
        </button>
        <button type="button" class="button subtle" onClick={() => setOpen(false)}>
          {locale.t('common.cancel')}
        </button>
      </form>
    </Show>
  );
}
