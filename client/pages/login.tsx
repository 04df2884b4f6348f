import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { LogInInput } from '../../shared/api';
import { Field } from '../components/field';
import { FirstRunPanel } from '../components/first-run-panel';
import { errorMessageKey } from '../i18n/error-message';
import { ApiError } from '../lib/api';
import { authPath, safeNextPath } from '../lib/route-access';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';

const SECONDS_PER_MINUTE = 60;

/** Log in; the route guard then goes on to `next`. */
export function LoginPage() {
  const { session, locale } = useApp();
  const [search] = useSearchParams<{ next?: string }>();
  const next = () => safeNextPath(search.next);
  const logIn = createAction((input: LogInInput) => session.logIn(input));
  const [missing, setMissing] = createSignal<ReadonlySet<'email' | 'password'>>(new Set());
  const emailError = () => (missing().has('email') ? locale.t('account.emailRequired') : null);
  const passwordError = () => (missing().has('password') ? locale.t('account.passwordRequired') : null);
  let email!: HTMLInputElement;
  let password!: HTMLInputElement;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const empty = new Set<'email' | 'password'>();
    if (email.value.trim() === '') empty.add('email');
    if (password.value === '') empty.add('password');
    setMissing(empty);
    if (empty.size === 0) void logIn.run({ email: email.value, password: password.value });
  };

  const failure = () => {
    const error = logIn.error();
    if (!error) return null;
    if (error instanceof ApiError && error.code === 'too_many_attempts' && error.retryAfterSeconds !== null) {
      return locale.tn('login.throttled', Math.ceil(error.retryAfterSeconds / SECONDS_PER_MINUTE));
    }
    return locale.t(errorMessageKey(error));
  };

  return (
    <FirstRunPanel>
      <section class="auth-page" aria-labelledby="login-title">
        <h1 id="login-title">{locale.t('login.title')}</h1>
        <p class="muted">{locale.t('login.intro')}</p>
        <form class="form-stack" onSubmit={submit} novalidate>
          <Field id="login-email" label={locale.t('account.email')} error={emailError()}>
            {(control) => (
              <input
                ref={email}
                {...control}
                class="text-input"
                type="email"
                autocomplete="username"
                inputmode="email"
                autocapitalize="off"
                spellcheck={false}
              />
            )}
          </Field>
          <Field id="login-password" label={locale.t('account.password')} error={passwordError()}>
            {(control) => <input ref={password} {...control} class="text-input" type="password" autocomplete="current-password" />}
          </Field>
          <Show when={failure()}>
            {(message) => (
              <p class="notice error" role="alert" data-testid="login-error">
                {message()}
              </p>
            )}
          </Show>
          <button type="submit" class="button primary" data-testid="login-submit" disabled={logIn.pending()}>
            {logIn.pending() ? locale.t('login.pending') : locale.t('login.submit')}
          </button>
        </form>
        <p class="auth-switch">
          {locale.t('login.noAccount')}{' '}
          <A href={authPath('/signup', next())} data-testid="to-signup">
            {locale.t('login.toSignUp')}
          </A>
        </p>
      </section>
    </FirstRunPanel>
  );
}
