import { Match, Show, Switch } from 'solid-js';
import { useApp } from '../stores/app-context';
import type { DocumentsStore } from '../stores/documents';
import { loaded } from '../stores/loaded';
import { CreateDocumentForm } from './create-document-form';
import { DocumentList } from './document-list';
import { ErrorNotice, LoadingLine } from './error-notice';

/** The project's documents; editors and above start new ones. */
export function DocumentSection(props: { store: DocumentsStore; canCreate: boolean }) {
  const { locale } = useApp();
  return (
    <section class="panel" aria-labelledby="documents-title" aria-busy={props.store.documents.loading}>
      <div class="page-head">
        <h2 id="documents-title">{locale.t('documents.title')}</h2>
      </div>
      <Show when={props.canCreate}>
        <CreateDocumentForm store={props.store} />
      </Show>
      <Switch>
        <Match when={props.store.documents.state === 'errored'}>
          <ErrorNotice error={props.store.documents.error} message="documents.loadError" onRetry={props.store.reload} />
        </Match>
        <Match when={loaded(props.store.documents)?.length === 0}>
          <div class="empty-state compact" data-testid="documents-empty">
            <h3>{locale.t('documents.emptyTitle')}</h3>
            <p>{props.canCreate ? locale.t('documents.emptyBody') : locale.t('documents.emptyReader')}</p>
          </div>
        </Match>
        <Match when={loaded(props.store.documents)}>{(documents) => <DocumentList documents={documents()} />}</Match>
        <Match when={true}>
          <LoadingLine message="documents.loading" />
        </Match>
      </Switch>
    </section>
  );
}
