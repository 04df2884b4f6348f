import { For, Show } from 'solid-js';
import { countryName } from '../lib/countries';
import { useApp } from '../stores/app-context';
import { CountryOptions } from './country-select';

/** Several countries: chosen one by one from a list, each shown as a removable chip. */
export function CountryPicker(props: { id: string; label: string; value: readonly string[]; onChange(codes: string[]): void }) {
  const { locale } = useApp();
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.value.length > 0}>
        <ul class="chip-list" aria-label={props.label}>
          <For each={props.value}>
            {(code) => (
              <li class="chip">
                {countryName(code, locale.locale())}
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={locale.t('project.removeCountry', { country: countryName(code, locale.locale()) })}
                  onClick={() => props.onChange(props.value.filter((other) => other !== code))}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <select
        id={props.id}
        class="text-input"
        data-testid={props.id}
        onChange={(event) => {
          const code = event.currentTarget.value;
          event.currentTarget.value = '';
          if (code !== '' && !props.value.includes(code)) props.onChange([...props.value, code]);
        }}
      >
        <CountryOptions placeholder={locale.t('project.addCountry')} exclude={props.value} />
      </select>
    </div>
  );
}
