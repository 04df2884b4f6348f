import { A } from '@solidjs/router';
import { createEffect, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { Workshop } from '../../shared/api';
import { formatDay } from '../i18n/format-time';
import { documentPath } from '../lib/paths';
import { rememberWorkshops } from '../lib/workshop-hints';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import type { WorkshopsStore } from '../stores/workshops';
import { KindIcon } from './document-kind';
import { ErrorNotice, LoadingLine } from './error-notice';
import { WorkshopForm } from './workshop-form';
import './workshops.css';

/** The project's joint learning workshops; facilitators and owners prepare new ones. */
export function WorkshopSection(props: { store: WorkshopsStore; canCreate: boolean }) {
  const { locale } = useApp();
  const [creating, setCreating] = createSignal(false);
  createEffect(() => rememberWorkshops(loaded(props.store.workshops)?.map((workshop) => workshop.id) ?? []));

  return (
    <section class="panel" data-testid="workshops" aria-labelledby="workshops-title" aria-busy={props.store.workshops.loading}>
      <div class="page-head">
        <h2 id="workshops-title">{locale.t('workshops.title')}</h2>
        <Show when={props.canCreate && !creating()}>
          <button type="button" class="button primary" data-testid="new-workshop" onClick={() => setCreating(true)}>
            {locale.t('workshops.new')}
          </button>
        </Show>
      </div>
      <Show when={creating()}>
        <WorkshopForm store={props.store} onCancel={() => setCreating(false)} />
      </Show>
      <Switch>
        <Match when={props.store.workshops.state === 'errored'}>
          <ErrorNotice error={props.store.workshops.error} message="workshops.loadError" onRetry={props.store.reload} />
        </Match>
        <Match when={loaded(props.store.workshops)?.length === 0}>
          <p class="muted" data-testid="workshops-empty">
            {locale.t(props.canCreate ? 'workshops.emptyFacilitator' : 'workshops.empty')}
          </p>
        </Match>
        <Match when={loaded(props.store.workshops)}>
          {(workshops) => (
            <ul class="ws-list">
              <For each={workshops()}>{(workshop) => <WorkshopRow workshop={workshop} />}</For>
            </ul>
          )}
        </Match>
        <Match when={true}>
          <LoadingLine message="workshops.loading" />
        </Match>
      </Switch>
    </section>
  );
}

function WorkshopRow(props: { workshop: Workshop }) {
  const { locale } = useApp();
  return (
    <li class="ws-row" data-testid="workshop-row">
      <KindIcon kind="workshop" />
      <A href={documentPath(props.workshop.id)} class="ws-row-title stretched-link" data-testid="workshop-link">
        {props.workshop.title}
      </A>
      <span class="ws-row-meta">
        <time datetime={props.workshop.date}>{formatDay(props.workshop.date, 'medium', locale.locale())}</time>
        <span>{locale.t(`workshops.format.${props.workshop.format}`)}</span>
        <span>{locale.tn('workshops.notes', props.workshop.notes)}</span>
        <Show when={props.workshop.ended}>
          <span class="ws-ended-badge">{locale.t('workshops.ended')}</span>
        </Show>
      </span>
    </li>
  );
}
