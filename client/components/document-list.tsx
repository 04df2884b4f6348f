import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ContributorOrganisation, DocumentSummary } from '../../shared/api';
import { LOCALE_NAMES } from '../i18n/translate';
import { documentPath } from '../lib/paths';
import { useApp } from '../stores/app-context';
import { ColorDot } from './color-dot';
import { DocumentStatusBadge, KindIcon } from './document-kind';
import { RelativeTime } from './relative-time';

/** The knowledge base's documents, each with what tells it apart at a glance. */
export function DocumentList(props: { documents: readonly DocumentSummary[] }) {
  return (
    <ul class="kb-list" data-testid="document-list">
      <For each={props.documents}>{(document) => <DocumentRow document={document} />}</For>
    </ul>
  );
}

function DocumentRow(props: { document: DocumentSummary }) {
  const { locale } = useApp();
  const labels = () => [
    ...props.document.themes.map((label) => ({ label, theme: true })),
    ...props.document.tags.map((label) => ({ label, theme: false })),
  ];

  return (
    <li class="kb-row" data-testid="kb-document" data-kind={props.document.kind} data-status={props.document.status}>
      <div class="kb-row-head">
        <KindIcon kind={props.document.kind} />
        <A
          href={documentPath(props.document.id)}
          class="kb-row-title stretched-link"
          classList={{ untitled: props.document.title === '' }}
          data-testid="document-link"
        >
          {props.document.title || locale.t('document.untitled')}
        </A>
        <DocumentStatusBadge status={props.document.status} />
      </div>
      <div class="kb-row-meta">
        <span class="kb-row-kind" data-kind={props.document.kind}>
          {locale.t(`knowledge.kind.${props.document.kind}`)}
        </span>
        <span class="kb-lang" lang={props.document.language}>
          <span aria-hidden="true">{props.document.language.toUpperCase()}</span>
          <span class="visually-hidden">
            {locale.t('knowledge.writtenIn', { language: LOCALE_NAMES[props.document.language] })}
          </span>
        </span>
        <RelativeTime at={props.document.updatedAt} ago="knowledge.activityAgo" on="knowledge.activityOn" />
        <Show when={props.document.contributors.length > 0}>
          <ContributorDots contributors={props.document.contributors} />
        </Show>
      </div>
      <Show when={labels().length > 0}>
        <ul class="chip-list kb-labels">
          <For each={labels()}>
            {(item) => (
              <li class="chip" classList={{ 'kb-theme': item.theme, 'kb-tag': !item.theme }}>
                {item.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}

/** The organisations that wrote in a document, as dots whose names show on hover and on keyboard focus. */
function ContributorDots(props: { contributors: readonly ContributorOrganisation[] }) {
  const { locale } = useApp();
  return (
    <ul class="kb-orgs" aria-label={locale.t('knowledge.contributors')}>
      <For each={props.contributors}>
        {(organisation) => (
          // Focusable only so a keyboard can show the name, which a screen reader reads anyway.
          <li class="kb-org" tabindex="0">
            <ColorDot color={organisation.color} />
            <span class="kb-org-name">
              {organisation.name} · {locale.t(`kind.${organisation.kind}`)}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
