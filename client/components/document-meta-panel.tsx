import { For, Show } from 'solid-js';
import type { ContributorOrganisation, DocumentDetail } from '../../shared/api';
import { languageSchema } from '../../shared/api';
import { LOCALE_NAMES } from '../i18n/translate';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { DocumentMetaStore } from '../stores/document-meta';
import { ColorDot } from './color-dot';
import { KindLabel } from './document-kind';
import { DocumentLinks } from './document-meta-panel-links';
import { LabelsEditor } from './document-meta-panel-labels';
import { DocumentStatusControl } from './document-meta-panel-status';
import { ErrorNotice } from './error-notice';
import { LanguageOptions } from './language-options';
import { KindBadge } from './organisation-badge';
import { RelativeTime } from './relative-time';
import './knowledge.css';

/** Below this width the panel sits between the title and the text (see styles.css). */
const WIDE = '(min-width: 721px)';

/**
 * Everything around a document's text: its kind and status (and the moves
 * my role allows), themes, tags and language (editable with
 * `document.update`), the organisations that wrote in it, its last activity
 * and its links. Renders nothing until the document's details have loaded.
 */
export function DocumentMetaPanel(props: { meta: DocumentMetaStore }) {
  const { locale } = useApp();
  // Open beside the text; folded on a phone, where it would push the text off the screen.
  const wide = window.matchMedia(WIDE).matches;

  return (
    <Show when={props.meta.document()}>
      {(document) => (
        <section class="doc-meta" data-testid="doc-meta" aria-labelledby="doc-meta-title">
          <h2 id="doc-meta-title" class="side-title">
            {locale.t('knowledge.meta.title')}
          </h2>
          <KindLabel kind={document().kind} testId="doc-kind" />
          <DocumentStatusControl meta={props.meta} document={document()} />
          <details class="doc-meta-details" open={wide}>
            <summary>{locale.t('knowledge.meta.details')}</summary>
            <div class="doc-meta-body">
              <LabelsEditor
                title={locale.t('knowledge.themes')}
                testId="doc-themes"
                labels={document().themes}
                editable={props.meta.can('document.update')}
                addLabel={locale.t('knowledge.addTheme')}
                empty={locale.t('knowledge.noThemes')}
                onSave={(themes) => props.meta.update({ themes })}
              />
              <LabelsEditor
                title={locale.t('knowledge.tags')}
                testId="doc-tags"
                labels={document().tags}
                editable={props.meta.can('document.update')}
                addLabel={locale.t('knowledge.addTag')}
                empty={locale.t('knowledge.noTags')}
                onSave={(tags) => props.meta.update({ tags })}
              />
              <LanguageField meta={props.meta} document={document()} />
              <Contributors contributors={document().contributors} />
              <p class="doc-meta-activity muted">
                <RelativeTime at={document().updatedAt} ago="knowledge.activityAgo" on="knowledge.activityOn" />
              </p>
              <DocumentLinks meta={props.meta} />
            </div>
          </details>
        </section>
      )}
    </Show>
  );
}

/** The language the document is written in, which may differ from the reader's. */
function LanguageField(props: { meta: DocumentMetaStore; document: DocumentDetail }) {
  const { locale } = useApp();
  const save = createAction((language: DocumentDetail['language']) => props.meta.update({ language }));
  return (
    <div class="doc-meta-section">
      <Show
        when={props.meta.can('document.update')}
        fallback={
          <>
            <h3 class="doc-meta-label">{locale.t('knowledge.meta.language')}</h3>
            <p lang={props.document.language}>{LOCALE_NAMES[props.document.language]}</p>
          </>
        }
      >
        <label class="doc-meta-label" for="doc-language">
          {locale.t('knowledge.meta.language')}
        </label>
        <select
          id="doc-language"
          class="text-input"
          data-testid="doc-language"
          onChange={(event) => {
            const language = languageSchema.safeParse(event.currentTarget.value);
            if (language.success) void save.run(language.data);
          }}
        >
          <LanguageOptions selected={props.document.language} />
        </select>
      </Show>
      <Show when={save.error()}>{(error) => <ErrorNotice error={error()} message="knowledge.saveError" />}</Show>
    </div>
  );
}

function Contributors(props: { contributors: readonly ContributorOrganisation[] }) {
  const { locale } = useApp();
  return (
    <section class="doc-meta-section" data-testid="doc-contributors">
      <h3 class="doc-meta-label">{locale.t('knowledge.contributors')}</h3>
      <Show
        when={props.contributors.length > 0}
        fallback={<p class="muted doc-meta-empty">{locale.t('knowledge.noContributors')}</p>}
      >
        <ul class="doc-meta-orgs">
          <For each={props.contributors}>
            {(organisation) => (
              <li class="doc-meta-org">
                <ColorDot color={organisation.color} />
                <span class="doc-meta-org-name">{organisation.name}</span>
                <KindBadge kind={organisation.kind} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
