import { createMemo, For } from 'solid-js';
import { countryOptions } from '../lib/countries';
import { useApp } from '../stores/app-context';

/**
 * `<option>`s for every country, named in the interface language; the
 * first, empty one reads `placeholder`.
 */
export function CountryOptions(props: { placeholder: string; exclude?: readonly string[]; selected?: string }) {
  const { locale } = useApp();
  const options = createMemo(() => countryOptions(locale.locale()));
  const shown = () => (props.exclude?.length ? options().filter((option) => !props.exclude?.includes(option.code)) : options());
  return (
    <>
      <option value="">{props.placeholder}</option>
      <For each={shown()}>
        {(option) => (
          <option value={option.code} selected={option.code === props.selected}>
            {option.name}
          </option>
        )}
      </For>
    </>
  );
}
