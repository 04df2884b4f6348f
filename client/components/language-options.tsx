import { For } from 'solid-js';
import { LOCALE_NAMES, LOCALES } from '../i18n/translate';

/** `<option>`s for the interface languages, each named in its own language. */
export function LanguageOptions(props: { selected: string }) {
  return (
    <For each={LOCALES}>
      {(code) => (
        <option value={code} lang={code} selected={code === props.selected}>
          {LOCALE_NAMES[code]}
        </option>
      )}
    </For>
  );
}
