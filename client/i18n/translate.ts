import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { en, fr, es };

/** Names shown in the language switch, each in its own language. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
};

export type MessageParams = Readonly<Record<string, string | number>>;

/** Keys `x` for which both `x.one` and `x.other` exist: the plural messages. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other`
    ? `${Base}.one` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language among the user's preferences ("fr-SN" counts as fr), else English. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const preference of preferences) {
    const language = preference.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

/** Replaces each `{name}` with its parameter; a placeholder without a parameter stays visible, so the gap shows. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(DICTIONARIES[locale][key], params);
}

/** Picks the `.one` / `.other` form the language's plural rules ask for and fills `{count}`. */
export function translatePlural(locale: Locale, base: PluralKey, count: number): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key: MessageKey = category === 'one' ? `${base}.one` : `${base}.other`;
  return translate(locale, key, { count: new Intl.NumberFormat(locale).format(count) });
}
