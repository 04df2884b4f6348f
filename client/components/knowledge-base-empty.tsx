import { createSignal, For, Show } from 'solid-js';
import { KNOWLEDGE_KINDS, type KnowledgeKind } from '../../shared/knowledge/kinds';
import { useApp } from '../stores/app-context';
import type { DocumentsStore } from '../stores/documents';
import { useCreateDocument } from './create-document-form';
import { KindIcon } from './document-kind';
import { ErrorNotice } from './error-notice';

/**
 * A project without documents: what the knowledge base is for and, for
 * those who may write, one template per kind to start from.
 */
export function KnowledgeBaseEmpty(props: { store: DocumentsStore; canCreate: boolean }) {
  const { locale } = useApp();
  const create = useCreateDocument(props.store);
  const [chosen, setChosen] = createSignal<KnowledgeKind>();

  return (
    <div class="empty-state compact kb-empty" data-testid="kb-empty">
      <h3>{locale.t('knowledge.emptyTitle')}</h3>
      <p>{locale.t('knowledge.emptyBody')}</p>
      <Show when={props.canCreate} fallback={<p class="muted">{locale.t('knowledge.emptyReader')}</p>}>
        <p id="kb-templates-title" class="kb-templates-title">
          {locale.t('knowledge.emptyChoose')}
        </p>
        <ul class="kb-templates" aria-labelledby="kb-templates-title">
          <For each={KNOWLEDGE_KINDS}>
            {(kind) => (
              <li>
                <button
                  type="button"
                  class="kb-template"
                  data-kind={kind}
                  data-testid={`kb-create-${kind}`}
                  disabled={create.pending()}
                  onClick={() => {
                    setChosen(kind);
                    void create.run({ kind });
                  }}
                >
                  <KindIcon kind={kind} />
                  <span class="kb-template-text">
                    <span class="kb-template-name">
                      {create.pending() && chosen() === kind ? locale.t('create.pending') : locale.t(`knowledge.kind.${kind}`)}
                    </span>
                    <span class="kb-template-help">
                      {locale.t(`knowledge.kindHelp.${kind}`)}
                    </span>
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={create.error()}>{(error) => <ErrorNotice error={error()} message="create.error" />}</Show>
      </Show>
    </div>
  );
}
