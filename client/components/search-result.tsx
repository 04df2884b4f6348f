import { For, Show } from 'solid-js';
import type { SearchResult } from '../../shared/api';
import { LOCALE_NAMES } from '../i18n/translate';
import { snippetSegments } from '../lib/search-results';
import { useApp } from '../stores/app-context';
import { DocumentStatusBadge, KindIcon, KindLabel } from './document-kind';
import { RelativeTime } from './relative-time';
import './search.css';

/** A snippet with its matched words in `<mark>`, built as elements: the text is people's, never HTML. */
export function Snippet(props: { text: string; lang?: string }) {
  return (
    <span class="search-snippet" lang={props.lang} data-testid="search-snippet">
      <For each={snippetSegments(props.text)}>{(segment) => (segment.match ? <mark>{segment.text}</mark> : segment.text)}</For>
    </span>
  );
}

/**
 * What a result says, inside the link or option that holds it: what it is
 * and where, the document's title, the words around the match; and, unless
 * `compact`, the document's kind, status, language and last change.
 */
export function SearchResultSummary(props: { result: SearchResult; compact?: boolean }) {
  const { locale } = useApp();
  const r = () => props.result;
  return (
    <>
      <span class="search-result-head">
        <span class="search-kind" data-kind={r().kind} data-testid="search-result-kind">
          {locale.t(`search.kind.${r().kind}`)}
        </span>
        <span class="search-result-project">{locale.t('search.inProject', { project: r().projectTitle })}</span>
      </span>
      <span class="search-result-title" lang={r().language} data-testid="search-result-title">
        <Show when={props.compact}>
          <KindIcon kind={r().documentKind} />
        </Show>
        {r().documentTitle.trim() || locale.t('document.untitled')}
      </span>
      <Show when={r().snippet.trim()}>
        <Snippet text={r().snippet} lang={r().language} />
      </Show>
      <Show when={!props.compact}>
        <span class="search-result-meta">
          <KindLabel kind={r().documentKind} />
          <DocumentStatusBadge status={r().documentStatus} />
          <span lang={r().language}>{LOCALE_NAMES[r().language]}</span>
          <RelativeTime at={r().updatedAt} ago="search.updatedAgo" on="search.updatedOn" />
        </span>
      </Show>
    </>
  );
}
