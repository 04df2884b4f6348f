import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { DocumentSummary } from '../../shared/api';
import { formatDateTime, formatPastTime } from '../i18n/format-time';
import { useApp } from '../stores/app-context';

export function DocumentList(props: { documents: readonly DocumentSummary[] }) {
  return (
    <ul class="document-list" data-testid="document-list">
      <For each={props.documents}>{(document) => <DocumentItem document={document} />}</For>
    </ul>
  );
}

function DocumentItem(props: { document: DocumentSummary }) {
  const { locale } = useApp();
  const updatedAt = () => new Date(props.document.updatedAt);
  const updated = () => {
    const time = formatPastTime(updatedAt(), new Date(), locale.locale());
    return time.kind === 'relative'
      ? locale.t('documents.updatedAgo', { when: time.text })
      : locale.t('documents.updatedOn', { date: time.text });
  };

  return (
    <li>
      <A href={`/d/${encodeURIComponent(props.document.id)}`} class="document-link" data-testid="document-link">
        <span class="document-link-title" classList={{ untitled: props.document.title === '' }}>
          {props.document.title || locale.t('document.untitled')}
        </span>
        <time
          class="document-link-time"
          datetime={props.document.updatedAt}
          title={formatDateTime(updatedAt(), locale.locale())}
        >
          {updated()}
        </time>
      </A>
    </li>
  );
}
