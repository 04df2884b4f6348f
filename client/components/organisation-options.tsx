import { For } from 'solid-js';
import type { Organisation } from '../../shared/api';
import { countryName } from '../lib/countries';
import { useApp } from '../stores/app-context';

/**
 * `<option>`s for organisations, "Name (Country)" so two of the same name
 * can be told apart. `selected` is set on each, as well as the select's
 * value, since the list often arrives after the value.
 */
export function OrganisationOptions(props: { organisations: readonly Organisation[]; selected?: string }) {
  const { locale } = useApp();
  return (
    <For each={props.organisations}>
      {(organisation) => (
        <option value={organisation.id} selected={organisation.id === props.selected}>
          {locale.t('organisation.option', {
            name: organisation.name,
            country: countryName(organisation.country, locale.locale()),
          })}
        </option>
      )}
    </For>
  );
}
