import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PASSWORD_MIN_LENGTH, type ChangePasswordInput, type Me, type UpdateProfileInput } from '../../shared/api';
import { LANGUAGES, type Language } from '../../shared/roles';
import { ErrorNotice } from '../components/error-notice';
import { LanguageOptions } from '../components/language-options';
import { NewPasswordField } from '../components/new-password-field';
import { OrganisationOptions } from '../components/organisation-options';
import { Field } from '../components/field';
import { OrganisationBadge } from '../components/organisation-badge';
import { isApiError } from '../lib/api';
import { NAME_MAX_LENGTH, normalizeName } from '../lib/identity';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { createOrganisationsStore } from '../stores/organisations';

/** My account: name, language and organisation; my password; logging out. */
export function ProfilePage() {
  const { session, locale } = useApp();
  const navigate = useNavigate();
  const [forgetCopies, setForgetCopies] = createSignal(false);
  const logOut = createAction(async () => {
    await session.logOut({ forgetCopies: forgetCopies() });
    navigate('/login', { replace: true });
  });

  return (
    <Show when={session.user()}>
      {(me) => (
        <div class="page profile-page">
          <h1>{locale.t('profile.title')}</h1>
          <ProfileForm me={me()} />
          <PasswordForm />
          <section class="panel" aria-labelledby="logout-title">
            <h2 id="logout-title">{locale.t('profile.logOutTitle')}</h2>
            <p class="muted section-intro">{locale.t('profile.logOutBody')}</p>
            <label class="check-option">
              <input
                type="checkbox"
                data-testid="logout-forget-copies"
                checked={forgetCopies()}
                onChange={(event) => setForgetCopies(event.currentTarget.checked)}
              />
              <span>
                {locale.t('profile.forgetCopies')}
                <span class="field-hint">{locale.t('profile.forgetCopiesHint')}</span>
              </span>
            </label>
            <Show when={logOut.error()}>{(error) => <ErrorNotice error={error()} message="profile.logOutError" />}</Show>
            <button type="button" class="button" data-testid="logout" disabled={logOut.pending()} onClick={() => void logOut.run()}>
              {locale.t('profile.logOut')}
            </button>
          </section>
        </div>
      )}
    </Show>
  );
}

function ProfileForm(props: { me: Me }) {
  const { api, session, locale } = useApp();
  const organisations = createOrganisationsStore(api);
  const [name, setName] = createSignal(props.me.name);
  const [language, setLanguage] = createSignal<Language>(props.me.language);
  const [organisationId, setOrganisationId] = createSignal(props.me.organisation?.id ?? '');
  const [nameMissing, setNameMissing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const save = createAction(async (input: UpdateProfileInput) => {
    await session.updateProfile(input);
    setSaved(true);
  });
  const chosenOrganisation = () => loaded(organisations.organisations)?.find((organisation) => organisation.id === organisationId());
  const nameError = () => (nameMissing() ? locale.t('account.nameRequired') : null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const cleanName = normalizeName(name());
    setNameMissing(cleanName === null);
    if (cleanName === null) return;
    void save.run({ name: cleanName, language: language(), ...(organisationId() ? { organisationId: organisationId() } : {}) });
  };

  return (
    <section class="panel" aria-labelledby="profile-details-title">
      <h2 id="profile-details-title">{locale.t('profile.details')}</h2>
      <form class="form-stack" onSubmit={submit} novalidate>
        <p class="muted">{locale.t('profile.email', { email: props.me.email })}</p>
        <Field id="profile-name" label={locale.t('account.name')} hint={locale.t('profile.nameHint')} error={nameError()}>
          {(control) => (
            <input
              {...control}
              class="text-input"
              autocomplete="name"
              maxLength={NAME_MAX_LENGTH}
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="profile-language" label={locale.t('account.language')}>
          {(control) => (
            <select
              {...control}
              class="text-input"
              value={language()}
              onChange={(event) => {
                const choice = LANGUAGES.find((code) => code === event.currentTarget.value);
                if (choice) setLanguage(choice);
              }}
            >
              <LanguageOptions selected={language()} />
            </select>
          )}
        </Field>
        <Field id="profile-organisation" label={locale.t('profile.organisation')} hint={locale.t('profile.organisationHint')}>
          {(control) => (
            <select
              {...control}
              class="text-input"
              value={organisationId()}
              disabled={!loaded(organisations.organisations)}
              onChange={(event) => setOrganisationId(event.currentTarget.value)}
            >
              <Show when={!props.me.organisation}>
                <option value="">{locale.t('profile.noOrganisation')}</option>
              </Show>
              <OrganisationOptions
                organisations={loaded(organisations.organisations) ?? (props.me.organisation ? [props.me.organisation] : [])}
                selected={organisationId()}
              />
            </select>
          )}
        </Field>
        <Show when={chosenOrganisation()}>
          {(organisation) => (
            <p>
              <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />
            </p>
          )}
        </Show>
        <Show when={organisations.organisations.state === 'errored'}>
          <ErrorNotice error={organisations.organisations.error} message="project.organisationsError" onRetry={organisations.reload} />
        </Show>
        <Show when={save.error()}>{(error) => <ErrorNotice error={error()} message="profile.saveError" />}</Show>
        <div class="form-actions">
          <button type="submit" class="button primary" data-testid="profile-save" disabled={save.pending()}>
            {save.pending() ? locale.t('common.saving') : locale.t('common.save')}
          </button>
          <Show when={saved()}>
            <span class="saved-note" role="status">
              {locale.t('profile.saved')}
            </span>
          </Show>
        </div>
      </form>
    </section>
  );
}

function PasswordForm() {
  const { session, locale } = useApp();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [problems, setProblems] = createSignal<ReadonlySet<'current' | 'next'>>(new Set());
  const [changed, setChanged] = createSignal(false);
  const change = createAction(async (input: ChangePasswordInput) => {
    await session.changePassword(input);
    setCurrent('');
    setNext('');
    setChanged(true);
  });
  const currentError = () => (problems().has('current') ? locale.t('account.passwordRequired') : null);
  const nextError = () => (problems().has('next') ? locale.t('account.passwordTooShort') : null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChanged(false);
    const found = new Set<'current' | 'next'>();
    if (current() === '') found.add('current');
    if (next().length < PASSWORD_MIN_LENGTH) found.add('next');
    setProblems(found);
    if (found.size === 0) void change.run({ currentPassword: current(), newPassword: next() });
  };

  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">{locale.t('profile.passwordTitle')}</h2>
      <p class="muted section-intro">{locale.t('profile.passwordIntro')}</p>
      <form class="form-stack" onSubmit={submit} novalidate>
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" class="visually-hidden" autocomplete="username" value={session.user()?.email ?? ''} readOnly tabIndex={-1} aria-hidden="true" />
        <Field id="password-current" label={locale.t('profile.currentPassword')} error={currentError()}>
          {(control) => (
            <input
              {...control}
              class="text-input"
              type="password"
              autocomplete="current-password"
              value={current()}
              onInput={(event) => setCurrent(event.currentTarget.value)}
            />
          )}
        </Field>
        <NewPasswordField
          id="password-new"
          label={locale.t('profile.newPassword')}
          value={next()}
          error={nextError()}
          onInput={setNext}
        />
        <Show when={change.error()}>
          {(error) => (
            <Show
              when={!isApiError(error(), 'invalid_credentials')}
              fallback={
                <p class="notice error" role="alert">
                  {locale.t('profile.currentPasswordWrong')}
                </p>
              }
            >
              <ErrorNotice error={error()} message="profile.passwordError" />
            </Show>
          )}
        </Show>
        <div class="form-actions">
          <button type="submit" class="button primary" data-testid="password-submit" disabled={change.pending()}>
            {change.pending() ? locale.t('common.saving') : locale.t('profile.changePassword')}
          </button>
          <Show when={changed()}>
            <span class="saved-note" role="status">
              {locale.t('profile.passwordChanged')}
            </span>
          </Show>
        </div>
      </form>
    </section>
  );
}
