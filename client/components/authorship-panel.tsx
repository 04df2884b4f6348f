import { For, Show } from 'solid-js';
import type { LegendEntry } from '../lib/authorship';
import { useApp } from '../stores/app-context';
import './attribution.css';
import type { AuthorshipView } from './authorship-view';
import { ErrorNotice } from './error-notice';

/**
 * The authorship view's switch, how the text is grouped, and the legend:
 * each organisation's (or person's) colour and share of the characters.
 */
export function AuthorshipPanel(props: { view: AuthorshipView }) {
  const { locale } = useApp();
  const percent = () => new Intl.NumberFormat(locale.locale(), { style: 'percent', maximumFractionDigits: 0 });
  const nameOf = (entry: LegendEntry) => {
    switch (entry.kind) {
      case 'template':
        return locale.t('attribution.template');
      case 'no-organisation':
        return locale.t('attribution.noOrganisation');
      case 'unknown':
        return locale.t('attribution.unknown');
      default:
        return entry.name ?? '';
    }
  };
  return (
    <section class="authorship-panel" aria-label={locale.t('attribution.toggle')}>
      <button
        type="button"
        class="button authorship-toggle"
        data-testid="authorship-toggle"
        aria-pressed={props.view.enabled() ? 'true' : 'false'}
        title={locale.t('attribution.toggleHint')}
        onClick={() => props.view.setEnabled(!props.view.enabled())}
      >
        {locale.t('attribution.toggle')}
      </button>
      <Show when={props.view.enabled()}>
        <label class="authorship-by">
          <span>{locale.t('attribution.by')}</span>
          <select
            data-testid="authorship-by"
            value={props.view.by()}
            onChange={(event) => props.view.setBy(event.currentTarget.value === 'person' ? 'person' : 'organisation')}
          >
            <option value="organisation">{locale.t('attribution.byOrganisation')}</option>
            <option value="person">{locale.t('attribution.byPerson')}</option>
          </select>
        </label>
        <Show when={props.view.error()}>{(error) => <ErrorNotice error={error()} message="attribution.loadError" />}</Show>
        <Show when={props.view.legend().length > 0} fallback={<p class="muted">{locale.t('attribution.noText')}</p>}>
          <ul class="authorship-legend" data-testid="authorship-legend" aria-label={locale.t('attribution.legend')}>
            <For each={props.view.legend()}>
              {(entry) => (
                <li
                  class="authorship-legend-item"
                  data-testid="authorship-legend-item"
                  data-organisation-id={entry.kind === 'organisation' ? (entry.id ?? undefined) : undefined}
                  data-user-id={entry.kind === 'person' ? (entry.id ?? undefined) : undefined}
                  data-author={entry.kind}
                >
                  <span
                    class="authorship-swatch"
                    classList={{ 'is-uncoloured': !entry.color }}
                    style={entry.color ? { 'background-color': entry.color } : undefined}
                    aria-hidden="true"
                  />
                  <span class="authorship-name">{nameOf(entry)}</span>
                  <span class="authorship-share" title={locale.t('attribution.share', { share: percent().format(entry.share) })}>
                    {percent().format(entry.share)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
