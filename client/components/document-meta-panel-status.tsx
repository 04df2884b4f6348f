import { createSignal, For, Show } from 'solid-js';
import type { DocumentDetail } from '../../shared/api';
import type { DocumentStatus } from '../../shared/knowledge/kinds';
import { statusMoves } from '../lib/status-moves';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { DocumentMetaStore } from '../stores/document-meta';
import { DocumentStatusBadge } from './document-kind';
import { ErrorNotice } from './error-notice';
import { RelativeTime } from './relative-time';

/** The document's status, who moved it there and when, and the moves my role allows from it. */
export function DocumentStatusControl(props: { meta: DocumentMetaStore; document: DocumentDetail }) {
  const { locale } = useApp();
  const moves = () => statusMoves(props.document.myRole, props.document.status);
  const [moving, setMoving] = createSignal<DocumentStatus>();
  let statusLine!: HTMLDivElement;
  const move = createAction(async (to: DocumentStatus) => {
    setMoving(to);
    try {
      await props.meta.changeStatus(to);
      // The pressed button is gone with the old status: focus goes to what changed rather than to the page.
      statusLine.focus();
    } finally {
      setMoving(undefined);
    }
  });

  return (
    <div class="doc-meta-status">
      <h3 class="visually-hidden">{locale.t('knowledge.meta.status')}</h3>
      <div class="doc-meta-status-line" ref={statusLine} tabindex="-1" aria-live="polite">
        <DocumentStatusBadge status={props.document.status} testId="doc-status" />
        <Show when={props.document.statusChange}>
          {(change) => (
            <span class="doc-meta-moved">
              <RelativeTime
                at={change().at}
                ago="knowledge.statusMovedAgo"
                on="knowledge.statusMovedOn"
                params={{ name: change().byName }}
              />
            </span>
          )}
        </Show>
      </div>
      <Show when={moves().length > 0}>
        <div class="doc-meta-moves" role="group" aria-label={locale.t('knowledge.meta.moves')}>
          <For each={moves()}>
            {(option) => (
              <button
                type="button"
                class="button"
                classList={{ primary: option.forward }}
                data-testid={`doc-status-move-${option.to}`}
                disabled={move.pending()}
                onClick={() => void move.run(option.to)}
              >
                {moving() === option.to ? locale.t('common.saving') : locale.t(option.label)}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={move.error()}>{(error) => <ErrorNotice error={error()} message="knowledge.statusError" />}</Show>
    </div>
  );
}
