import { createMemo, For, Show } from 'solid-js';
import type { Project } from '../../shared/api';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../shared/knowledge/kinds';
import { LANGUAGES } from '../../shared/roles';
import { LOCALE_NAMES } from '../i18n/translate';
import { CLEARED_SEARCH_FILTERS, hasSearchFilters, partnersOf, type SearchFilters } from '../lib/search-filters';
import { useApp } from '../stores/app-context';
import './search.css';

/** Filters fold away on phones, where they would push the results below the screen. */
const WIDE_SCREEN = '(min-width: 721px)';

interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * What narrows a search: project (among mine), kind, status, theme or tag,
 * organisation (the partners of my projects), language and the days the
 * documents changed. Open on wide screens, and wherever a filter is set.
 */
export function SearchFiltersPanel(props: {
  filters: SearchFilters;
  projects: readonly Project[];
  onChange(change: Partial<SearchFilters>): void;
}) {
  const { locale } = useApp();
  const active = () => Object.values({ ...props.filters, q: null }).filter((value) => value !== null).length;
  const projectOptions = createMemo(() => {
    const collator = new Intl.Collator(locale.locale(), { sensitivity: 'base' });
    return [...props.projects]
      .sort((a, b) => collator.compare(a.title, b.title))
      .map((project) => ({ value: project.id, label: project.title }));
  });
  const organisationOptions = createMemo(() =>
    partnersOf(props.projects, props.filters.projectId, locale.locale()).map((o) => ({ value: o.id, label: o.name })),
  );
  const startsOpen = window.matchMedia(WIDE_SCREEN).matches || hasSearchFilters(props.filters);

  return (
    <details class="search-filters" open={startsOpen} data-testid="search-filters">
      <summary>{active() > 0 ? locale.tn('search.filtersCount', active()) : locale.t('search.filters')}</summary>
      <div class="search-filter-grid">
        <Choice
          label={locale.t('search.filter.project')}
          any={locale.t('search.filter.allProjects')}
          testId="search-filter-project"
          value={props.filters.projectId}
          options={projectOptions()}
          onChange={(projectId) => props.onChange({ projectId })}
        />
        <Choice
          label={locale.t('search.filter.kind')}
          any={locale.t('search.filter.allKinds')}
          testId="search-filter-kind"
          value={props.filters.kind}
          options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: locale.t(`knowledge.kind.${kind}`) }))}
          onChange={(kind) => props.onChange({ kind: DOCUMENT_KINDS.find((known) => known === kind) ?? null })}
        />
        <Choice
          label={locale.t('search.filter.status')}
          any={locale.t('search.filter.allStatuses')}
          testId="search-filter-status"
          value={props.filters.status}
          options={DOCUMENT_STATUSES.map((status) => ({ value: status, label: locale.t(`knowledge.status.${status}`) }))}
          onChange={(status) => props.onChange({ status: DOCUMENT_STATUSES.find((known) => known === status) ?? null })}
        />
        <label class="search-filter">
          <span class="search-filter-label">{locale.t('search.filter.tag')}</span>
          <input
            type="text"
            class="text-input"
            maxLength={60}
            value={props.filters.tag ?? ''}
            data-testid="search-filter-tag"
            // On change, not on input: a tag is a whole word, and each search costs a request.
            onChange={(event) => props.onChange({ tag: event.currentTarget.value.trim() || null })}
          />
        </label>
        <Choice
          label={locale.t('search.filter.organisation')}
          any={locale.t('search.filter.allOrganisations')}
          testId="search-filter-organisation"
          value={props.filters.organisationId}
          options={organisationOptions()}
          onChange={(organisationId) => props.onChange({ organisationId })}
        />
        <Choice
          label={locale.t('search.filter.language')}
          any={locale.t('search.filter.allLanguages')}
          testId="search-filter-language"
          value={props.filters.language}
          options={LANGUAGES.map((language) => ({ value: language, label: LOCALE_NAMES[language] }))}
          onChange={(language) => props.onChange({ language: LANGUAGES.find((known) => known === language) ?? null })}
        />
        <DayField
          label={locale.t('search.filter.from')}
          testId="search-filter-from"
          value={props.filters.from}
          max={props.filters.to}
          onChange={(from) => props.onChange({ from })}
        />
        <DayField
          label={locale.t('search.filter.to')}
          testId="search-filter-to"
          value={props.filters.to}
          min={props.filters.from}
          onChange={(to) => props.onChange({ to })}
        />
      </div>
      <Show when={active() > 0}>
        <button
          type="button"
          class="button subtle search-clear"
          data-testid="search-clear-filters"
          onClick={() => props.onChange(CLEARED_SEARCH_FILTERS)}
        >
          {locale.t('search.clearFilters')}
        </button>
      </Show>
    </details>
  );
}

/**
 * A `<select>` with "any" first. A value that is not among the options (a
 * shared link naming a project I am not in) still shows, as chosen.
 */
function Choice(props: {
  label: string;
  any: string;
  testId: string;
  value: string | null;
  options: readonly ChoiceOption[];
  onChange(value: string | null): void;
}) {
  const { locale } = useApp();
  const unknown = () => props.value !== null && !props.options.some((option) => option.value === props.value);
  return (
    <label class="search-filter">
      <span class="search-filter-label">{props.label}</span>
      <select
        class="text-input"
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <option value="" selected={props.value === null}>
          {props.any}
        </option>
        <Show when={unknown()}>
          <option value={props.value ?? ''} selected>
            {locale.t('search.filter.unknown')}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

function DayField(props: {
  label: string;
  testId: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  onChange(value: string | null): void;
}) {
  return (
    <label class="search-filter">
      <span class="search-filter-label">{props.label}</span>
      <input
        type="date"
        class="text-input"
        value={props.value ?? ''}
        min={props.min ?? undefined}
        max={props.max ?? undefined}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.currentTarget.value || null)}
      />
    </label>
  );
}
