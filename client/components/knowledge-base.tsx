import { useSearchParams } from '@solidjs/router';
import { createMemo, Match, Show, Switch } from 'solid-js';
import type { DocumentSummary } from '../../shared/api';
import {
  CLEARED,
  filtersFromQuery,
  hasFilters,
  queryOfFilters,
  selectDocuments,
  type KnowledgeFilters,
} from '../lib/knowledge-filters';
import { useApp } from '../stores/app-context';
import type { DocumentsStore } from '../stores/documents';
import { loaded } from '../stores/loaded';
import { CreateDocumentForm } from './create-document-form';
import { DocumentList } from './document-list';
import { ErrorNotice, LoadingLine } from './error-notice';
import { KnowledgeBaseEmpty } from './knowledge-base-empty';
import { KnowledgeBaseFilters } from './knowledge-base-filters';
import './knowledge.css';

/**
 * The project's knowledge base: every document, filtered and sorted as the
 * URL says so a view can be shared; editors and above start new documents.
 */
export function KnowledgeBase(props: { store: DocumentsStore; canCreate: boolean }) {
  const { locale } = useApp();
  const documents = () => loaded(props.store.documents);

  return (
    <section class="panel kb" data-testid="knowledge-base" aria-labelledby="kb-title" aria-busy={props.store.documents.loading}>
      <div class="page-head">
        <h2 id="kb-title">{locale.t('knowledge.title')}</h2>
      </div>
      <Switch>
        <Match when={props.store.documents.state === 'errored'}>
          <ErrorNotice error={props.store.documents.error} message="documents.loadError" onRetry={props.store.reload} />
        </Match>
        <Match when={documents()?.length === 0}>
          <KnowledgeBaseEmpty store={props.store} canCreate={props.canCreate} />
        </Match>
        <Match when={documents()}>
          {(all) => <KnowledgeBaseBrowser store={props.store} canCreate={props.canCreate} documents={all()} />}
        </Match>
        <Match when={true}>
          <LoadingLine message="documents.loading" />
        </Match>
      </Switch>
    </section>
  );
}

function KnowledgeBaseBrowser(props: { store: DocumentsStore; canCreate: boolean; documents: readonly DocumentSummary[] }) {
  const { locale } = useApp();
  const [query, setQuery] = useSearchParams();
  const filters = createMemo(() => filtersFromQuery(query));
  // Replacing, not pushing: Back leaves the page rather than undoing one chip at a time.
  const change = (next: Partial<KnowledgeFilters>) => setQuery(queryOfFilters(next), { replace: true });
  const shown = createMemo(() => selectDocuments(props.documents, filters(), locale.locale()));

  return (
    <>
      <Show when={props.canCreate}>
        <CreateDocumentForm store={props.store} kind={filters().kind} />
      </Show>
      <KnowledgeBaseFilters documents={props.documents} filters={filters()} onChange={change} />
      <div class="kb-summary">
        <p class="muted" role="status">
          {hasFilters(filters()) ? locale.tn('knowledge.matching', shown().length) : locale.tn('knowledge.count', shown().length)}
        </p>
        <Show when={hasFilters(filters())}>
          <button type="button" class="button subtle" data-testid="kb-clear-filters" onClick={() => change(CLEARED)}>
            {locale.t('knowledge.clearFilters')}
          </button>
        </Show>
      </div>
      <Show
        when={shown().length > 0}
        fallback={
          <div class="empty-state compact kb-no-match" data-testid="kb-no-match">
            <h3>{locale.t('knowledge.noMatchTitle')}</h3>
            <p>{locale.t('knowledge.noMatchBody')}</p>
            <div>
              <button type="button" class="button" onClick={() => change(CLEARED)}>
                {locale.t('knowledge.clearFilters')}
              </button>
            </div>
          </div>
        }
      >
        <DocumentList documents={shown()} />
      </Show>
    </>
  );
}
