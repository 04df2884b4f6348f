import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { SignUpInput } from '../../shared/api';
import { LANGUAGES } from '../../shared/roles';
import { ErrorNotice } from '../components/error-notice';
import { LanguageOptions } from '../components/language-options';
import { NewPasswordField } from '../components/new-password-field';
import { Field } from '../components/field';
import { FirstRunPanel } from '../components/first-run-panel';
import { OrganisationBadge } from '../components/organisation-badge';
import { OrganisationChoice } from '../components/organisation-choice';
import type { MessageKey } from '../i18n/en';
import { errorMessageKey } from '../i18n/error-message';
import { isApiError } from '../lib/api';
import { NAME_MAX_LENGTH, pickColor } from '../lib/identity';
import { authPath, invitationTokenOf, safeNextPath } from '../lib/route-access';
import { signUpInputFrom, type SignUpField, type SignUpFormValues } from '../lib/sign-up-form';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { createOrganisationsStore } from '../stores/organisations';

const FIELD_MESSAGES: Readonly<Partial<Record<SignUpField, MessageKey>>> = {
  name: 'account.nameRequired',
  email: 'account.emailInvalid',
  password: 'account.passwordTooShort',
};

/**
 * Create an account, in an organisation already on Ensemble or a new one.
 * On the way to an invitation that names an organisation, choosing one is
 * optional: accepting the invitation gives it. The route guard then goes
 * on to `next`.
 */
export function SignUpPage() {
  const { api, session, locale } = useApp();
  const [search] = useSearchParams<{ next?: string }>();
  const next = () => safeNextPath(search.next);
  const organisations = createOrganisationsStore(api);
  const [invitation] = createResource(
    () => invitationTokenOf(next()),
    (token) => api.previewInvitation(token).catch(() => null),
  );
  const invitedOrganisation = () => loaded(invitation)?.organisation ?? null;

  const [values, setValues] = createStore<SignUpFormValues>({
    name: '',
    email: '',
    password: '',
    language: locale.locale(),
    organisationMode: 'existing',
    organisationId: '',
    newOrganisation: { name: '', kind: '', country: '', color: pickColor() },
  });
  const [problems, setProblems] = createSignal<ReadonlySet<SignUpField>>(new Set());
  const signUp = createAction((input: SignUpInput) => session.signUp(input));

  // The first person on a new Ensemble has no organisation to join.
  createEffect(
    on(
      () => loaded(organisations.organisations),
      (list) => {
        if (list?.length === 0) setValues('organisationMode', 'new');
      },
    ),
  );
  createEffect(() => {
    const organisation = invitedOrganisation();
    if (organisation && values.organisationId === '') setValues({ organisationMode: 'existing', organisationId: organisation.id });
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = signUpInputFrom(values, { organisationOptional: invitedOrganisation() !== null });
    setProblems(result.ok ? new Set<SignUpField>() : result.problems);
    if (result.ok) void signUp.run(result.input);
  };
  const errorOf = (field: SignUpField) => {
    const key = FIELD_MESSAGES[field];
    return key && problems().has(field) ? locale.t(key) : null;
  };

  return (
    <FirstRunPanel>
      <section class="auth-page wide" aria-labelledby="signup-title">
        <h1 id="signup-title">{locale.t('signup.title')}</h1>
        <p class="muted">{locale.t('signup.intro')}</p>
        <Show when={invitedOrganisation()}>
          {(organisation) => (
            <p class="notice info">
              <span>{locale.t('signup.invitedFor')}</span>
              <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />
            </p>
          )}
        </Show>
        <form class="form-stack" onSubmit={submit} novalidate>
          <Field id="signup-name" label={locale.t('account.name')} error={errorOf('name')}>
            {(control) => (
              <input
                {...control}
                class="text-input"
                autocomplete="name"
                maxLength={NAME_MAX_LENGTH}
                value={values.name}
                onInput={(event) => setValues('name', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="signup-email" label={locale.t('account.email')} error={errorOf('email')}>
            {(control) => (
              <input
                {...control}
                class="text-input"
                type="email"
                autocomplete="email"
                inputmode="email"
                autocapitalize="off"
                spellcheck={false}
                value={values.email}
                onInput={(event) => setValues('email', event.currentTarget.value)}
              />
            )}
          </Field>
          <NewPasswordField
            id="signup-password"
            label={locale.t('account.password')}
            value={values.password}
            error={errorOf('password')}
            onInput={(value) => setValues('password', value)}
          />
          <Field id="signup-language" label={locale.t('account.language')}>
            {(control) => (
              <select
                {...control}
                class="text-input"
                value={values.language}
                onChange={(event) => {
                  const language = LANGUAGES.find((code) => code === event.currentTarget.value);
                  if (!language) return;
                  setValues('language', language);
                  locale.setLocale(language);
                }}
              >
                <LanguageOptions selected={values.language} />
              </select>
            )}
          </Field>
          <Show
            when={loaded(organisations.organisations)}
            fallback={
              <Show
                when={organisations.organisations.state === 'errored'}
                fallback={<p class="muted">{locale.t('signup.organisationsLoading')}</p>}
              >
                <ErrorNotice
                  error={organisations.organisations.error}
                  message="signup.organisationsError"
                  onRetry={organisations.reload}
                />
              </Show>
            }
          >
            {(list) => <OrganisationChoice organisations={list()} values={values} setValues={setValues} problems={problems()} />}
          </Show>
          <Show when={signUp.error()}>
            {(error) => (
              <div class="notice error" role="alert" data-testid="signup-error">
                <p>{locale.t('signup.error', { reason: locale.t(errorMessageKey(error())) })}</p>
                <Show when={isApiError(error(), 'email_taken')}>
                  <A href={authPath('/login', next())}>{locale.t('signup.toLogIn')}</A>
                </Show>
              </div>
            )}
          </Show>
          <button type="submit" class="button primary" data-testid="signup-submit" disabled={signUp.pending()}>
            {signUp.pending() ? locale.t('signup.pending') : locale.t('signup.submit')}
          </button>
        </form>
        <p class="auth-switch">
          {locale.t('signup.haveAccount')}{' '}
          <A href={authPath('/login', next())} data-testid="to-login">
            {locale.t('signup.toLogIn')}
          </A>
        </p>
      </section>
    </FirstRunPanel>
  );
}
