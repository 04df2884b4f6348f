import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { Version } from '../../shared/api/versions';
import { closeOnEscape } from '../lib/escape-key';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import type { HistoryView as View, VersionHistoryStore } from '../stores/version-history';
import { ErrorNotice, LoadingLine } from './error-notice';
import './history.css';
import { RelativeTime } from './relative-time';
import { VersionComparison } from './version-comparison';
import { VersionReader } from './version-reader';
import { versionLabel } from './version-summary';

/** One history view is shown at a time: its title takes the keyboard when something is opened in it. */
const TITLE_ID = 'history-view-title';

/** Brings the keyboard, and the eyes on a phone, to what was just opened in the history view. */
export function focusHistoryView(): void {
  const title = document.getElementById(TITLE_ID);
  title?.focus({ preventScroll: true });
  title?.scrollIntoView({ block: 'nearest' });
}

/**
 * A version read-only, or what changed between two, in place of the editor.
 * Escape or "Back to the document" closes it and brings the keyboard back
 * to what opened it last. Editors can restore the version shown.
 */
export function HistoryView(props: {
  documentId: string;
  store: VersionHistoryStore;
  view: View;
  canEdit: boolean;
  trialLog: boolean;
  titleOf: (documentId: string) => string | undefined;
}) {
  const { locale } = useApp();
  let section!: HTMLElement;
  let opener: HTMLElement | null = null;
  const close = () => {
    props.store.show(null);
    if (opener?.isConnected) opener.focus();
  };
  const title = () => {
    const view = props.view;
    if (view.kind === 'compare') return locale.t('history.compareTitle');
    const version = props.store.versionById(view.versionId);
    return version ? locale.t('history.versionTitle', { number: version.number, label: versionLabel(locale, version) }) : locale.t('history.title');
  };
  return (
    <section
      ref={section}
      class="history-view"
      data-testid="history-view"
      data-view={props.view.kind}
      aria-labelledby={TITLE_ID}
      onKeyDown={closeOnEscape(close)}
      onFocusIn={(event) => {
        if (event.relatedTarget instanceof HTMLElement && !section.contains(event.relatedTarget)) opener = event.relatedTarget;
      }}
    >
      <div class="history-view-bar">
        <button type="button" class="button" data-testid="history-close" onClick={close}>
          {locale.t('history.back')}
        </button>
      </div>
      <h2 id={TITLE_ID} class="history-view-title" tabindex="-1">
        {title()}
      </h2>
      <Switch>
        <Match when={props.view.kind === 'version' && props.view}>
          {(view) => (
            <VersionPane
              documentId={props.documentId}
              store={props.store}
              versionId={view().versionId}
              canEdit={props.canEdit}
              trialLog={props.trialLog}
              titleOf={props.titleOf}
            />
          )}
        </Match>
        <Match when={props.view.kind === 'compare' && props.view}>
          {(view) => (
            <VersionComparison
              documentId={props.documentId}
              from={view().from}
              to={view().to}
              versions={props.store.versions() ?? []}
              onChange={(from, to) => props.store.show({ kind: 'compare', from, to })}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}

function VersionPane(props: {
  documentId: string;
  store: VersionHistoryStore;
  versionId: string;
  canEdit: boolean;
  trialLog: boolean;
  titleOf: (documentId: string) => string | undefined;
}) {
  const { api, locale } = useApp();
  const [content, { refetch }] = createResource(
    () => props.versionId,
    (versionId) => api.versionContent(props.documentId, versionId),
  );
  const version = () => loaded(content)?.version ?? props.store.versionById(props.versionId);
  return (
    <>
      <Show when={version()}>
        {(shown) => (
          <>
            <p class="history-view-meta muted">
              <RelativeTime at={shown().createdAt} ago="history.takenAgo" on="history.takenOn" />
              {' · '}
              {locale.tn('history.characters', shown().characters)}
            </p>
            <p class="notice info" role="note">
              {locale.t('history.readOnly', { number: shown().number })}
            </p>
            <div class="history-view-actions">
              <button
                type="button"
                class="button"
                data-testid="history-compare-now"
                onClick={() => {
                  props.store.show({ kind: 'compare', from: shown().id, to: null });
                  focusHistoryView();
                }}
              >
                {locale.t('history.compareWithNow')}
              </button>
              <Show when={props.canEdit}>
                <RestoreControl store={props.store} version={shown()} />
              </Show>
            </div>
          </>
        )}
      </Show>
      <Switch>
        <Match when={content.error as unknown}>
          {(error) => <ErrorNotice error={error()} message="history.contentError" onRetry={() => void refetch()} />}
        </Match>
        <Match when={!content.loading && loaded(content)} keyed>
          {(data) => <VersionReader update={data.update} number={data.version.number} trialLog={props.trialLog} titleOf={props.titleOf} />}
        </Match>
        <Match when={true}>
          <LoadingLine message="history.contentLoading" />
        </Match>
      </Switch>
    </>
  );
}

/** "Restore this version", asked once more before it is done: the text changes for everyone. */
function RestoreControl(props: { store: VersionHistoryStore; version: Version }) {
  const { locale } = useApp();
  const [confirming, setConfirming] = createSignal(false);
  let restoreButton: HTMLButtonElement | undefined;
  const cancel = () => {
    setConfirming(false);
    props.store.restore.clearError();
    restoreButton?.focus();
  };
  return (
    <Show
      when={confirming()}
      fallback={
        <button ref={restoreButton} type="button" class="button" data-testid="history-restore" onClick={() => setConfirming(true)}>
          {locale.t('history.restore')}
        </button>
      }
    >
      <div class="history-confirm notice warning" role="group" aria-label={locale.t('history.restore')} data-testid="history-restore-confirm">
        <p>{locale.t('history.restoreConfirm', { number: props.version.number })}</p>
        <Show when={props.store.restore.error()}>{(error) => <ErrorNotice error={error()} message="history.restoreError" />}</Show>
        <div class="history-confirm-actions">
          <button
            ref={(button) => queueMicrotask(() => button.focus())}
            type="button"
            class="button primary"
            data-testid="history-restore-yes"
            disabled={props.store.restore.pending()}
            onClick={() => void props.store.restore.run(props.version.id)}
          >
            {props.store.restore.pending() ? locale.t('history.restoring') : locale.t('history.restoreYes')}
          </button>
          <button type="button" class="button" onClick={cancel}>
            {locale.t('common.cancel')}
          </button>
        </div>
      </div>
    </Show>
  );
}

/**
 * After a restore: what happened, and a way to undo it (for those who may
 * edit), which takes the keyboard since the view that had it is gone.
 */
export function RestoreNotice(props: { store: VersionHistoryStore; canEdit: boolean }) {
  const { locale } = useApp();
  let dismissButton: HTMLButtonElement | undefined;
  const undo = async () => {
    if (await props.store.undo.run()) dismissButton?.focus();
  };
  return (
    // Always there, so what appears in it is announced.
    <div role="status" class="history-restored-region">
      <Show when={props.store.lastRestore()}>
        {(note) => (
          <div class="notice info history-restored" data-testid="restore-notice" data-undone={note().undone ? 'true' : 'false'}>
            <p>
              {note().undone
                ? locale.t('history.undone')
                : locale.t('history.restored', { number: note().restored.restoredFrom?.number ?? note().restored.number })}
            </p>
            <Show when={props.store.undo.error()}>{(error) => <ErrorNotice error={error()} message="history.undoError" />}</Show>
            <div class="history-confirm-actions">
              <Show when={!note().undone && props.canEdit}>
                <button
                  ref={(button) => queueMicrotask(() => button.focus())}
                  type="button"
                  class="button primary"
                  data-testid="restore-undo"
                  disabled={props.store.undo.pending()}
                  onClick={() => void undo()}
                >
                  {props.store.undo.pending() ? locale.t('history.undoing') : locale.t('history.undo')}
                </button>
              </Show>
              <button ref={dismissButton} type="button" class="button" data-testid="restore-dismiss" onClick={() => props.store.dismissRestore()}>
                {locale.t('history.dismiss')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </div>
  );
}
