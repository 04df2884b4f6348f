import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { LinkedDocument } from '../../shared/api';
import { documentPath } from '../lib/paths';
import { useApp } from '../stores/app-context';
import type { DocumentMetaStore } from '../stores/document-meta';
import { DocumentStatusBadge, KindIcon } from './document-kind';
import { ErrorNotice, LoadingLine } from './error-notice';

/** The documents this one links to, and those linking here; a failed refresh keeps the last lists shown. */
export function DocumentLinks(props: { meta: DocumentMetaStore }) {
  const { locale } = useApp();
  // Said where a link would show once made; readers cannot type, so not to them.
  const hint = () => (props.meta.can('document.edit') ? locale.t('knowledge.linkHint') : null);

  return (
    <div class="doc-links">
      <Show when={props.meta.links()}>
        {(links) => (
          <>
            <LinkList
              title={locale.t('knowledge.links')}
              testId="doc-links"
              documents={links().outgoing}
              empty={locale.t('knowledge.linksEmpty')}
              hint={hint()}
            />
            <LinkList
              title={locale.t('knowledge.backlinks')}
              testId="doc-backlinks"
              documents={links().backlinks}
              empty={locale.t('knowledge.backlinksEmpty')}
              hint={null}
            />
            <div class="doc-links-actions">
              <button type="button" class="button subtle" data-testid="doc-links-refresh" onClick={() => props.meta.reloadLinks()}>
                {locale.t('knowledge.refreshLinks')}
              </button>
            </div>
          </>
        )}
      </Show>
      <Show when={props.meta.linksError()}>
        {(error) => <ErrorNotice error={error()} message="knowledge.linksError" onRetry={props.meta.reloadLinks} />}
      </Show>
      <Show when={!props.meta.links() && !props.meta.linksError()}>
        <LoadingLine message="knowledge.linksLoading" />
      </Show>
    </div>
  );
}

function LinkList(props: {
  title: string;
  testId: string;
  documents: readonly LinkedDocument[];
  empty: string;
  hint: string | null;
}) {
  const { locale } = useApp();
  return (
    <section class="doc-meta-section" data-testid={props.testId}>
      <h3 class="doc-meta-label">{props.title}</h3>
      <Show
        when={props.documents.length > 0}
        fallback={
          <p class="muted doc-meta-empty">
            {props.empty}
            <Show when={props.hint}>{(hint) => <> {hint()}</>}</Show>
          </p>
        }
      >
        <ul class="doc-link-list">
          <For each={props.documents}>
            {(linked) => (
              <li class="doc-link-item" data-kind={linked.kind} data-status={linked.status}>
                <KindIcon kind={linked.kind} />
                <A href={documentPath(linked.id)} class="doc-link-title" classList={{ untitled: linked.title === '' }}>
                  {linked.title || locale.t('document.untitled')}
                  <span class="visually-hidden"> ({locale.t(`knowledge.kind.${linked.kind}`)})</span>
                </A>
                <DocumentStatusBadge status={linked.status} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
