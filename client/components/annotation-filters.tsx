import { For } from 'solid-js';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../shared/annotations/discussion';
import { STATUS_FILTERS, type OrganisationOption, type StatusFilter, type ThreadFilters } from '../lib/thread-filters';
import { useApp } from '../stores/app-context';

const STATUS_LABELS = { open: 'annotations.filter.open', closed: 'annotations.filter.closed', all: 'annotations.filter.all' } as const;

/**
 * Which threads to show: by kind, by status, by the organisation of who
 * started them. Each choice names itself ("All kinds"), so the labels are
 * for screen readers only and the margin keeps its lines for the threads.
 */
export function AnnotationFilters(props: {
  filters: ThreadFilters;
  organisations: readonly OrganisationOption[];
  onChange(filters: ThreadFilters): void;
}) {
  const { locale } = useApp();
  const set = (change: Partial<ThreadFilters>) => props.onChange({ ...props.filters, ...change });
  return (
    <fieldset class="annotation-filters">
      <legend class="visually-hidden">{locale.t('annotations.filter.label')}</legend>
      <label class="annotation-filter">
        <span class="visually-hidden">{locale.t('annotations.filter.kind')}</span>
        <select
          class="text-input"
          data-testid="thread-filter-kind"
          onChange={(event) => set({ kind: (event.currentTarget.value || null) as AnnotationKind | null })}
        >
          <option value="" selected={props.filters.kind === null}>
            {locale.t('annotations.filter.allKinds')}
          </option>
          <For each={ANNOTATION_KINDS}>
            {(kind) => (
              <option value={kind} selected={props.filters.kind === kind}>
                {locale.t(`annotations.kind.${kind}`)}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="annotation-filter">
        <span class="visually-hidden">{locale.t('annotations.filter.status')}</span>
        <select class="text-input" data-testid="thread-filter-status" onChange={(event) => set({ status: event.currentTarget.value as StatusFilter })}>
          <For each={STATUS_FILTERS}>
            {(status) => (
              <option value={status} selected={props.filters.status === status}>
                {locale.t(STATUS_LABELS[status])}
              </option>
            )}
          </For>
        </select>
      </label>
      <label class="annotation-filter wide">
        <span class="visually-hidden">{locale.t('annotations.filter.organisation')}</span>
        <select
          class="text-input"
          data-testid="thread-filter-organisation"
          onChange={(event) => set({ organisation: event.currentTarget.value || null })}
        >
          <option value="" selected={props.filters.organisation === null}>
            {locale.t('annotations.filter.allOrganisations')}
          </option>
          <For each={props.organisations}>
            {(organisation) => (
              <option value={organisation.key} selected={props.filters.organisation === organisation.key}>
                {organisation.name}
              </option>
            )}
          </For>
        </select>
      </label>
    </fieldset>
  );
}
