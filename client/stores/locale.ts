import { createEffect, createSignal, type Accessor } from 'solid-js';
import type { MessageKey } from '../i18n/en';
import {
  isLocale,
  pickLocale,
  translate,
  translatePlural,
  type Locale,
  type MessageParams,
  type PluralKey,
} from '../i18n/translate';
import { readStored, writeStored } from '../lib/local-storage';

const STORAGE_KEY = 'ensemble:locale';

export interface LocaleStore {
  locale: Accessor<Locale>;
  setLocale(locale: Locale): void;
  /** Reactive: a component that calls it re-renders when the language changes. */
  t(key: MessageKey, params?: MessageParams): string;
  tn(key: PluralKey, count: number): string;
}

/** The interface language: the user's last choice, else the browser's preference. */
export function createLocaleStore(): LocaleStore {
  const stored = readStored(STORAGE_KEY);
  const [locale, setLocaleSignal] = createSignal<Locale>(
    isLocale(stored) ? stored : pickLocale(navigator.languages ?? [navigator.language]),
  );

  createEffect(() => {
    document.documentElement.lang = locale();
  });

  return {
    locale,
    setLocale(next) {
      setLocaleSignal(next);
      writeStored(STORAGE_KEY, next);
    },
    t: (key, params) => translate(locale(), key, params),
    tn: (key, count) => translatePlural(locale(), key, count),
  };
}
