import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { VERSION_NAME_MAX_LENGTH, type Version } from '../../shared/api/versions';
import { formatDateTime, formatDay } from '../i18n/format-time';
import { dayKey, dayName, groupByDay } from '../lib/version-history';
import { useApp } from '../stores/app-context';
import type { HistoryView, VersionHistoryStore } from '../stores/version-history';
import { ErrorNotice, LoadingLine } from './error-notice';
import { focusHistoryView } from './history-view';
import './history.css';
import { versionLabel, VersionPeople } from './version-summary';

/**
 * The document's versions, newest first and grouped by day, each with who
 * changed it and how long the text was; a version opens read-only, or
 * compared with the document as it is now. Editors can name the document
 * as it is now.
 */
export function HistoryPanel(props: { store: VersionHistoryStore; canEdit: boolean }) {
  const { locale } = useApp();
  const days = () => groupByDay(props.store.versions() ?? []);
  const dayTitle = (day: string) => {
    switch (dayName(day, dayKey(new Date()))) {
      case 'today':
        return locale.t('history.today');
      case 'yesterday':
        return locale.t('history.yesterday');
      default:
        return formatDay(day, 'medium', locale.locale());
    }
  };
  return (
    <section class="history-panel" data-testid="history-panel" aria-label={locale.t('history.title')}>
      <Show when={props.canEdit}>
        <NameVersionForm store={props.store} />
      </Show>
      <div class="history-head">
        <button
          type="button"
          class="button subtle history-refresh"
          data-testid="history-refresh"
          disabled={props.store.loading()}
          onClick={() => void props.store.refresh()}
        >
          {props.store.loading() ? locale.t('history.refreshing') : locale.t('history.refresh')}
        </button>
      </div>
      <Show when={props.store.loadError()}>
        {(error) => <ErrorNotice error={error()} message="history.loadError" onRetry={() => void props.store.refresh()} />}
      </Show>
      <Switch>
        <Match when={props.store.versions() === undefined}>
          <Show when={!props.store.loadError()}>
            <LoadingLine message="history.loading" />
          </Show>
        </Match>
        <Match when={days().length === 0}>
          <p class="muted history-empty" data-testid="history-empty">
            {locale.t('history.empty')}
          </p>
        </Match>
        <Match when={true}>
          <For each={days()}>
            {(group) => (
              <section class="history-day">
                <h3 class="history-day-title">{dayTitle(group.day)}</h3>
                <ol class="history-list">
                  <For each={group.versions}>{(version) => <VersionItem store={props.store} version={version} />}</For>
                </ol>
              </section>
            )}
          </For>
        </Match>
      </Switch>
    </section>
  );
}

function VersionItem(props: { store: VersionHistoryStore; version: Version }) {
  const { locale } = useApp();
  const time = () => new Date(props.version.createdAt);
  const open = (view: HistoryView) => {
    props.store.show(view);
    focusHistoryView();
  };
  const shown = () => {
    const view = props.store.view();
    return view?.kind === 'version' ? view.versionId === props.version.id : view?.kind === 'compare' && view.from === props.version.id;
  };
  const by = () => {
    const person = props.version.createdBy;
    if (!person) return null;
    return props.version.kind === 'restore' ? locale.t('history.restoredBy', { name: person.name }) : locale.t('history.namedBy', { name: person.name });
  };
  return (
    <li
      class="history-item"
      classList={{ 'is-shown': shown(), [`is-${props.version.kind}`]: true }}
      data-testid="history-item"
      data-version-id={props.version.id}
      data-kind={props.version.kind}
    >
      <div class="history-item-head">
        <time class="history-time" datetime={props.version.createdAt} title={formatDateTime(time(), locale.locale())}>
          {new Intl.DateTimeFormat(locale.locale(), { timeStyle: 'short' }).format(time())}
        </time>
        <span class="history-number">{locale.t('history.number', { number: props.version.number })}</span>
      </div>
      <p class="history-label" data-testid="history-label">
        {versionLabel(locale, props.version)}
      </p>
      <Show when={by()}>{(text) => <p class="history-by muted">{text()}</p>}</Show>
      <Show when={props.version.editors.length > 0}>
        <VersionPeople people={props.version.editors} locale={locale} label={locale.t('history.editors')} />
      </Show>
      <p class="history-characters muted">{locale.tn('history.characters', props.version.characters)}</p>
      <div class="history-actions">
        <button
          type="button"
          class="button small"
          data-testid="history-open"
          aria-label={locale.t('history.openVersion', { number: props.version.number })}
          onClick={() => open({ kind: 'version', versionId: props.version.id })}
        >
          {locale.t('history.open')}
        </button>
        <button
          type="button"
          class="button small"
          data-testid="history-compare"
          aria-label={locale.t('history.compareVersion', { number: props.version.number })}
          onClick={() => open({ kind: 'compare', from: props.version.id, to: null })}
        >
          {locale.t('history.compare')}
        </button>
      </div>
    </li>
  );
}

/** "Name this version": the document as it is now, under a name people will recognise. */
function NameVersionForm(props: { store: VersionHistoryStore }) {
  const { locale } = useApp();
  const id = createUniqueId();
  const [name, setName] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const [named, setNamed] = createSignal<Version | null>(null);
  let input!: HTMLInputElement;
  const submit = async () => {
    if (name().trim() === '') {
      setMissing(true);
      input.focus();
      return;
    }
    setNamed(null);
    const version = await props.store.name.run(name());
    if (!version) return;
    setName('');
    setNamed(version);
  };
  const problem = () => missing() || props.store.name.error() !== null;
  return (
    <form
      class="history-name-form"
      data-testid="history-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label for={`${id}-name`}>{locale.t('history.nameLabel')}</label>
      <div class="history-name-row">
        <input
          ref={input}
          id={`${id}-name`}
          class="text-input"
          data-testid="history-name-input"
          value={name()}
          maxLength={VERSION_NAME_MAX_LENGTH}
          placeholder={locale.t('history.namePlaceholder')}
          aria-invalid={problem() ? true : undefined}
          aria-describedby={problem() ? `${id}-error` : undefined}
          onInput={(event) => {
            setName(event.currentTarget.value);
            setMissing(false);
          }}
        />
        <button type="submit" class="button primary" data-testid="history-name-submit" disabled={props.store.name.pending()}>
          {props.store.name.pending() ? locale.t('history.naming') : locale.t('history.nameSubmit')}
        </button>
      </div>
      <Show when={missing()}>
        <p id={`${id}-error`} class="field-error" role="alert">
          {locale.t('history.nameRequired')}
        </p>
      </Show>
      <Show when={props.store.name.error()}>
        {(error) => (
          <div id={`${id}-error`}>
            <ErrorNotice error={error()} message="history.nameError" />
          </div>
        )}
      </Show>
      <p class="visually-hidden" role="status">
        {named() ? locale.t('history.named', { number: named()?.number ?? 0 }) : ''}
      </p>
    </form>
  );
}
