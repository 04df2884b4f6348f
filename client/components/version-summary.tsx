import { For } from 'solid-js';
import type { Version, VersionPerson } from '../../shared/api/versions';
import { NONE_COLOR } from '../lib/contribution-chart';
import type { LocaleStore } from '../stores/locale';
import { ColorDot } from './color-dot';

/** What a version is called: its name, or what kind of version it is. */
export function versionLabel(locale: LocaleStore, version: Version): string {
  switch (version.kind) {
    case 'named':
      return version.name ?? locale.t('history.kind.named');
    case 'restore':
      return version.restoredFrom
        ? locale.t('history.kind.restoreOf', { number: version.restoredFrom.number })
        : locale.t('history.kind.restore');
    default:
      return locale.t('history.kind.auto');
  }
}

/** "Awa (Agri Coop)", or the name alone for someone of no organisation. */
export function personLabel(locale: LocaleStore, person: VersionPerson): string {
  return person.organisation ? locale.t('history.person', { name: person.name, organisation: person.organisation.name }) : person.name;
}

/** People, each after their organisation's colour; the organisation is said in words too (hover, screen readers). */
export function VersionPeople(props: { people: readonly VersionPerson[]; locale: LocaleStore; label: string }) {
  return (
    <ul class="version-people" aria-label={props.label}>
      <For each={props.people}>
        {(person) => (
          <li
            class="version-person"
            title={personLabel(props.locale, person)}
            data-user-id={person.userId}
            data-organisation-id={person.organisation?.id}
          >
            <ColorDot color={person.organisation?.color ?? NONE_COLOR} />
            <span class="version-person-name" aria-hidden="true">
              {person.name}
            </span>
            <span class="visually-hidden">{personLabel(props.locale, person)}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
