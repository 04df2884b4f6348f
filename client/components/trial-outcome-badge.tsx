import type { TrialOutcome } from '../../shared/knowledge/kinds';
import type { LocaleStore } from '../stores/locale';
import { useApp } from '../stores/app-context';

/** The name of an outcome, or of its absence. */
export function outcomeName(locale: Pick<LocaleStore, 't'>, outcome: TrialOutcome | ''): string {
  return locale.t(`trialLog.outcome.${outcome || 'unset'}`);
}

/** An entry's outcome, in words beside a dot of its colour. */
export function OutcomeBadge(props: { outcome: TrialOutcome | '' }) {
  const { locale } = useApp();
  return (
    <span class="trial-outcome-badge" data-outcome={props.outcome || 'unset'}>
      <span class="trial-dot" aria-hidden="true" />
      {outcomeName(locale, props.outcome)}
    </span>
  );
}
