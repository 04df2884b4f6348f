import { createMemo, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { DocumentSummary } from '../../shared/api';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../shared/knowledge/kinds';
import {
  countKinds,
  countStatuses,
  labelsOf,
  organisationsOf,
  SORT_ORDERS,
  type KnowledgeFilters,
} from '../lib/knowledge-filters';
import { useApp } from '../stores/app-context';
import { KindIcon } from './document-kind';

/**
 * What narrows the knowledge base: kinds and statuses as toggle chips that
 * say how many documents each would show, then theme or tag, organisation
 * and sort order. On a phone each chip row scrolls sideways.
 */
export function KnowledgeBaseFilters(props: {
  documents: readonly DocumentSummary[];
  filters: KnowledgeFilters;
  onChange(change: Partial<KnowledgeFilters>): void;
}) {
  const { locale } = useApp();
  const kindCounts = createMemo(() => countKinds(props.documents, props.filters));
  const statusCounts = createMemo(() => countStatuses(props.documents, props.filters));
  const labels = createMemo(() => {
    const all = labelsOf(props.documents, locale.locale());
    const current = props.filters.label;
    // A shared link may name a label no document has any more: it still shows as chosen.
    return current === null || all.includes(current) ? all : [current, ...all];
  });
  const organisations = createMemo(() => organisationsOf(props.documents, locale.locale()));
  const unknownOrganisation = () => {
    const current = props.filters.organisation;
    return current !== null && !organisations().some((organisation) => organisation.id === current) ? current : null;
  };

  return (
    <div class="kb-filters" role="group" aria-label={locale.t('knowledge.filters')}>
      <ChipGroup
        label={locale.t('knowledge.filter.kind')}
        options={DOCUMENT_KINDS}
        selected={props.filters.kind}
        count={(kind) => kindCounts()[kind]}
        name={(kind) => locale.t(`knowledge.kinds.${kind}`)}
        icon={(kind) => <KindIcon kind={kind} />}
        testId={(kind) => `kb-filter-kind-${kind}`}
        onSelect={(kind) => props.onChange({ kind })}
      />
      <ChipGroup
        label={locale.t('knowledge.filter.status')}
        options={DOCUMENT_STATUSES}
        selected={props.filters.status}
        count={(status) => statusCounts()[status]}
        name={(status) => locale.t(`knowledge.status.${status}`)}
        testId={(status) => `kb-filter-status-${status}`}
        onSelect={(status) => props.onChange({ status })}
      />
      <div class="kb-selects">
        <SelectFilter
          label={locale.t('knowledge.filter.tag')}
          testId="kb-filter-tag"
          disabled={labels().length === 0}
          onChange={(value) => props.onChange({ label: value === '' ? null : value })}
        >
          <option value="" selected={props.filters.label === null}>
            {locale.t('knowledge.filter.allTags')}
          </option>
          <For each={labels()}>
            {(label) => (
              <option value={label} selected={label === props.filters.label}>
                {label}
              </option>
            )}
          </For>
        </SelectFilter>
        <SelectFilter
          label={locale.t('knowledge.filter.organisation')}
          testId="kb-filter-organisation"
          disabled={organisations().length === 0 && unknownOrganisation() === null}
          onChange={(value) => props.onChange({ organisation: value === '' ? null : value })}
        >
          <option value="" selected={props.filters.organisation === null}>
            {locale.t('knowledge.filter.allOrganisations')}
          </option>
          <Show when={unknownOrganisation()}>
            {(id) => (
              <option value={id()} selected>
                {locale.t('knowledge.filter.unknownOrganisation')}
              </option>
            )}
          </Show>
          <For each={organisations()}>
            {(organisation) => (
              <option value={organisation.id} selected={organisation.id === props.filters.organisation}>
                {organisation.name}
              </option>
            )}
          </For>
        </SelectFilter>
        <SelectFilter
          label={locale.t('knowledge.sort')}
          testId="kb-sort"
          onChange={(value) => {
            const order = SORT_ORDERS.find((option) => option === value);
            if (order) props.onChange({ sort: order });
          }}
        >
          <For each={SORT_ORDERS}>
            {(order) => (
              <option value={order} selected={order === props.filters.sort}>
                {locale.t(`knowledge.sort.${order}`)}
              </option>
            )}
          </For>
        </SelectFilter>
      </div>
    </div>
  );
}

/** A row of toggle chips, "All" first; pressing the chosen one again chooses "All". */
function ChipGroup<T extends string>(props: {
  label: string;
  options: readonly T[];
  selected: T | null;
  count: (option: T) => number;
  name: (option: T) => string;
  icon?: (option: T) => JSX.Element;
  testId: (option: T) => string;
  onSelect(option: T | null): void;
}) {
  const { locale } = useApp();
  const labelId = createUniqueId();
  const total = () => props.options.reduce((sum, option) => sum + props.count(option), 0);
  return (
    <div class="kb-chip-group" role="group" aria-labelledby={labelId}>
      <span id={labelId} class="kb-filter-label">
        {props.label}
      </span>
      <div class="kb-chip-row">
        <button type="button" class="kb-chip" aria-pressed={props.selected === null} onClick={() => props.onSelect(null)}>
          {locale.t('knowledge.filter.all')}
          <span class="kb-chip-count">{total()}</span>
        </button>
        <For each={props.options}>
          {(option) => (
            <button
              type="button"
              class="kb-chip"
              data-value={option}
              data-testid={props.testId(option)}
              aria-pressed={props.selected === option}
              onClick={() => props.onSelect(props.selected === option ? null : option)}
            >
              {props.icon?.(option)}
              {props.name(option)}
              <span class="kb-chip-count">{props.count(option)}</span>
            </button>
          )}
        </For>
      </div>
    </div>
  );
}

function SelectFilter(props: {
  label: string;
  testId: string;
  disabled?: boolean;
  onChange(value: string): void;
  children: JSX.Element;
}) {
  return (
    <label class="kb-select">
      <span class="kb-filter-label">{props.label}</span>
      <select
        class="text-input"
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
    </label>
  );
}
