import { isLocale } from '../i18n/translate';
import { useApp } from '../stores/app-context';
import { LanguageOptions } from './language-options';

/** The interface language; when logged in, it is kept in the account too. */
export function LanguageSelect() {
  const { locale, session } = useApp();
  return (
    <select
      class="language-select"
      data-testid="language-select"
      aria-label={locale.t('language.label')}
      value={locale.locale()}
      onChange={(event) => {
        const choice = event.currentTarget.value;
        if (isLocale(choice)) session.chooseLanguage(choice);
      }}
    >
      <LanguageOptions selected={locale.locale()} />
    </select>
  );
}
