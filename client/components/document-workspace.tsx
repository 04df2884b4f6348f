import { A } from '@solidjs/router';
import type { Editor } from '@tiptap/core';
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch, type Accessor } from 'solid-js';
import { ACTIVITY_REPORT_DELAY_MS } from '../../shared/protocol';
import type { AnnotationPermissions } from '../lib/annotation-permissions';
import { isApiError } from '../lib/api';
import type { Identity } from '../lib/identity';
import { watchNewWriters } from '../lib/new-writers';
import { createAnnotationView } from '../stores/annotation-view';
import { useApp } from '../stores/app-context';
import { createDiscussionOutboxStore } from '../stores/discussion-outbox';
import { createDiscussionSession } from '../stores/discussion-session';
import { createDocumentMetaStore, type DocumentMetaStore } from '../stores/document-meta';
import { createDocumentSession, type DocumentSession } from '../stores/document-session';
import { createProjectTitles } from '../stores/project-titles';
import { createVersionHistoryStore } from '../stores/version-history';
import { AnnotationsLayer } from './annotations-layer';
import { AuthorshipPanel } from './authorship-panel';
import { createAuthorshipView } from './authorship-view';
import { Breadcrumbs } from './breadcrumbs';
import { CollaborativeEditor } from './collaborative-editor';
import { ConnectionBadge } from './connection-badge';
import { ContributionMap } from './contribution-map';
import { DocumentExportMenu } from './document-export-menu';
import { DocumentMetaPanel } from './document-meta-panel';
import { ErrorNotice } from './error-notice';
import { HistoryPanel } from './history-panel';
import { HistoryView, RestoreNotice } from './history-view';
import { NotFoundState } from './not-found-state';
import { ParticipantsList } from './participants-list';
import { TitleField } from './title-field';
import { TrialLog } from './trial-log';
import { roleName } from '../i18n/roles';
import { SignedOutNotice } from './signed-out-notice';

/**
 * An open document: where it belongs, its title, who is here, the
 * connection, and the editor. The content opens from the device at once,
 * without waiting for the server. Whether it may be changed is the role the
 * server gives (GET /documents/:id), asked again whenever the server refuses
 * a change or the tab comes back into view, since a facilitator may have
 * changed it meanwhile. The discussion of the text comes in a Y.Doc of its
 * own, read here and changed through the API.
 */
export function DocumentWorkspace(props: { documentId: string; userId: string; identity: Accessor<Identity>; onWorkshop?(): void }) {
  const { api, locale } = useApp();
  const meta = createDocumentMetaStore(api, props.documentId);
  // A workshop is not written here: the page shows its room instead.
  createEffect(() => {
    if (meta.document()?.kind === 'workshop') props.onWorkshop?.();
  });
  const canEdit = () => meta.can('document.edit');
  const docSession = createDocumentSession(props.documentId, props.userId, props.identity, {
    onPermission: (permission) => {
      // Viewers hear "denied" on every connection: only news when the page thinks otherwise.
      if ((permission === 'denied') === canEdit()) meta.reload();
    },
  });
  const stoppedBy = () => docSession.connection().stoppedBy;
  watchContributors(docSession, meta);
  const writable = () => canEdit() && stoppedBy() !== 'unauthenticated';
  const titles = createProjectTitles(api, () => meta.document()?.projectId, props.documentId);
  // The links' own titles are fresh whenever the links are: they serve until the project's list came.
  const titleOf = (id: string) =>
    titles.titleOf(id) ?? [...(meta.links()?.outgoing ?? []), ...(meta.links()?.backlinks ?? [])].find((d) => d.id === id)?.title;
  const promote = async (entryId: string) => {
    await api.promoteTrialEntry(props.documentId, entryId);
    meta.reloadLinks();
  };
  const notFound = () => stoppedBy() === 'not_found' || (meta.notFound() && stoppedBy() !== 'forbidden');

  const discussion = createDiscussionSession(props.documentId, props.userId);
  // A commenter made a viewer hears of it here first: the content socket only speaks up for editors.
  const outbox = createDiscussionOutboxStore(api, props.userId, props.documentId, discussion, (error) => {
    if (isApiError(error, 'forbidden')) meta.reload();
  });
  const annotationView = createAnnotationView();
  const highlights = annotationView.highlights(discussion.threads);
  const [editor, setEditor] = createSignal<Editor>();
  const authorship = createAuthorshipView(api, props.documentId);
  // Asked for only once someone opens them.
  const [contributionsOpen, setContributionsOpen] = createSignal(false);
  const [historyOpen, setHistoryOpen] = createSignal(false);
  const history = createVersionHistoryStore(api, props.documentId);
  const permissions: AnnotationPermissions = {
    get me() {
      return props.identity().userId;
    },
    get canComment() {
      return meta.can('document.comment');
    },
    get role() {
      return meta.document()?.myRole ?? null;
    },
    get contentWritable() {
      return writable();
    },
  };

  // Removed from the project: what this device kept of the document goes too.
  createEffect(
    on(stoppedBy, (reason) => {
      if (reason !== 'forbidden') return;
      // Said by the server already; asked again so the page agrees with it everywhere.
      meta.reload();
      void docSession.forgetLocalCopy();
      void discussion.forgetLocalCopy();
    }),
  );
  const onVisible = () => {
    if (document.visibilityState === 'visible' && stoppedBy() === null) meta.reload();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));

  return (
    <Switch>
      <Match when={stoppedBy() === 'forbidden'}>
        <section class="not-found" data-testid="access-lost" aria-labelledby="access-lost-title">
          <h1 id="access-lost-title">{locale.t('document.accessLostTitle')}</h1>
          <p>{locale.t('document.accessLostBody')}</p>
          <A href="/" class="button primary">
            {locale.t('nav.backToProjects')}
          </A>
        </section>
      </Match>
      <Match when={notFound()}>
        <NotFoundState title={locale.t('document.notFoundTitle')} body={locale.t('document.notFoundBody')} />
      </Match>
      <Match when={true}>
        <div class="document-layout">
          <div class="document-title">
            <Show when={meta.document()}>
              {(detail) => (
                <Breadcrumbs
                  items={[
                    { label: locale.t('nav.projects'), href: '/' },
                    { label: detail().projectTitle, href: `/p/${encodeURIComponent(detail().projectId)}` },
                    { label: detail().title || locale.t('document.untitled') },
                  ]}
                />
              )}
            </Show>
            <Switch>
              <Match when={meta.document()}>
                <TitleField meta={meta} editable={meta.can('document.update')} />
              </Match>
              <Match when={meta.loadError()}>
                {(error) => <ErrorNotice error={error()} message="document.loadError" onRetry={meta.reload} />}
              </Match>
              <Match when={meta.loading()}>
                <div class="title-skeleton" aria-hidden="true" />
              </Match>
            </Switch>
          </div>
          <aside class="document-side">
            <ConnectionBadge state={docSession.connection()} />
            <Show when={stoppedBy() === 'too_large'}>
              <p class="notice warning" role="alert" data-testid="too-large">
                {locale.t('document.tooLarge')}
              </p>
            </Show>
            <DocumentMetaPanel meta={meta} />
            <ParticipantsList participants={docSession.participants()} />
            <AuthorshipPanel view={authorship} />
            <details
              class="contribution-section history-section"
              data-testid="history-section"
              onToggle={(event) => {
                setHistoryOpen(event.currentTarget.open);
                if (event.currentTarget.open) void history.refresh();
              }}
            >
              <summary>{locale.t('history.title')}</summary>
              <Show when={historyOpen()}>
                <HistoryPanel store={history} canEdit={canEdit()} />
              </Show>
            </details>
            <details class="contribution-section" data-testid="contribution-section" onToggle={(event) => setContributionsOpen(event.currentTarget.open)}>
              <summary>{locale.t('attribution.contributions')}</summary>
              <Show when={contributionsOpen()}>
                <ContributionMap source={{ kind: 'document', id: props.documentId }} testId="contribution-map" />
              </Show>
            </details>
            <DocumentExportMenu documentId={props.documentId} />
          </aside>
          <div class="document-main">
            <Show when={stoppedBy() === 'unauthenticated'}>
              <SignedOutNotice />
            </Show>
            <Show when={meta.document() && !canEdit() && stoppedBy() !== 'unauthenticated'}>
              <p class="notice info" role="status" data-testid="read-only-banner">
                {locale.t('document.readOnly', { role: roleName(locale, meta.document()?.myRole ?? 'viewer').toLocaleLowerCase(locale.locale()) })}
              </p>
            </Show>
            <RestoreNotice store={history} canEdit={canEdit()} />
            <Show when={history.view()}>
              {(view) => (
                <HistoryView
                  documentId={props.documentId}
                  store={history}
                  view={view()}
                  canEdit={canEdit()}
                  trialLog={meta.document()?.kind === 'trial_log'}
                  titleOf={titleOf}
                />
              )}
            </Show>
            {/* Kept while the history is shown in its place: the editor stays bound and undo keeps its memory. */}
            <div class="document-live" hidden={history.view() !== null}>
              <AnnotationsLayer
                documentId={props.documentId}
                editor={editor()}
                discussion={discussion}
                outbox={outbox}
                view={annotationView}
                projectId={meta.document()?.projectId}
                permissions={permissions}
              >
                <CollaborativeEditor
                  session={docSession}
                  identity={props.identity}
                  editable={writable()}
                  searchDocuments={titles.search}
                  titleOf={titleOf}
                  annotations={highlights}
                  authorship={authorship.editor}
                  onReady={setEditor}
                />
              </AnnotationsLayer>
              <Show when={meta.document()?.kind === 'trial_log'}>
                <TrialLog
                  ydoc={docSession.ydoc}
                  editable={writable()}
                  onPromote={meta.can('document.create') ? promote : undefined}
                />
              </Show>
            </div>
          </div>
        </div>
      </Match>
    </Switch>
  );
}

/** Time for the server to have recorded an edit's author after it reported them. */
const ACTIVITY_RECORD_MARGIN_MS = 1000;

/**
 * Keeps "Contributing organisations" and the last activity current while the
 * page is open: someone writing here for the first time (me included) may
 * bring a new organisation, so the details are asked again once the server
 * has recorded their edit. Asked once per new writer, not once per edit.
 */
function watchContributors(session: DocumentSession, meta: DocumentMetaStore): void {
  let synced = false;
  session.provider.once('sync', () => (synced = true));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = watchNewWriters(
    session.ydoc,
    () => synced,
    () => {
      clearTimeout(timer);
      timer = setTimeout(meta.refreshActivity, ACTIVITY_REPORT_DELAY_MS + ACTIVITY_RECORD_MARGIN_MS);
    },
  );
  onCleanup(() => {
    stop();
    clearTimeout(timer);
  });
}
