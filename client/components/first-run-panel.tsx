import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import type { DemoResponse } from '../../shared/api';
import { errorMessageKey } from '../i18n/error-message';
import { roleName } from '../i18n/roles';
import { LOCALE_NAMES } from '../i18n/translate';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { OrganisationBadge } from './organisation-badge';
import './first-run.css';

/**
 * Wraps a log-in or sign-up page. On an empty instance it offers, above the
 * page, to explore Ensemble with the sample programme; once that is made, the
 * sample accounts take the page's place (to try other roles in another
 * browser) until the newcomer goes on into the app as the sample owner.
 */
export function FirstRunPanel(props: { children: JSX.Element }) {
  const { api } = useApp();
  // Whatever goes wrong asking, the page is still the page: only an answer of "empty" shows the offer.
  const [instance] = createResource(() => api.instanceStatus().catch(() => ({ empty: false })));
  const [demo, setDemo] = createSignal<DemoResponse | null>(null);

  return (
    <Show
      when={demo()}
      fallback={
        <>
          <Show when={loaded(instance)?.empty}>
            <DemoOffer onCreated={setDemo} />
          </Show>
          {props.children}
        </>
      }
    >
      {(created) => <DemoLogins demo={created()} />}
    </Show>
  );
}

function DemoOffer(props: { onCreated: (demo: DemoResponse) => void }) {
  const { api, locale } = useApp();
  // The owner's account, which the newcomer takes, keeps the language they are reading in.
  const create = createAction(() => api.createDemo({ language: locale.locale() }));
  const start = async () => {
    const demo = await create.run();
    if (demo) props.onCreated(demo);
  };

  return (
    <section class="panel first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{locale.t('demo.offerTitle')}</h2>
      <p>{locale.t('demo.offerIntro')}</p>
      <p class="muted">{locale.t('demo.offerNote')}</p>
      <div class="first-run-actions">
        <button
          type="button"
          class="button primary"
          data-testid="first-run-demo"
          disabled={create.pending()}
          aria-busy={create.pending()}
          onClick={() => void start()}
        >
          {create.pending() ? locale.t('demo.creating') : locale.t('demo.create')}
        </button>
        <span class="muted" role="status">
          {create.pending() ? locale.t('demo.progress') : ''}
        </span>
      </div>
      <Show when={create.error()}>
        {(error) => (
          <p class="notice error" role="alert">
            {locale.t('demo.error', { reason: locale.t(errorMessageKey(error())) })}
          </p>
        )}
      </Show>
    </section>
  );
}

function DemoLogins(props: { demo: DemoResponse }) {
  const { session, locale } = useApp();
  const ownerName = () => props.demo.logins.find((login) => login.role === 'owner')?.name ?? '';

  return (
    <section class="auth-page first-run-ready" aria-labelledby="demo-ready-title" data-testid="demo-logins">
      {/* The page changed under the button just pressed: focus moves to its new title. */}
      <h1 id="demo-ready-title" tabindex="-1" ref={(heading) => queueMicrotask(() => heading.focus())}>
        {locale.t('demo.readyTitle')}
      </h1>
      <p>{locale.t('demo.readyIntro', { name: ownerName() })}</p>
      {/* The administrator's password apart: handing out the other one to try a role never gives the instance away. */}
      <div class="first-run-password">
        <p>
          <span>{locale.t('demo.ownerPassword', { name: ownerName() })}</span>{' '}
          <code data-testid="demo-owner-password">{props.demo.passwords.owner}</code>
        </p>
        <p>
          <span>{locale.t('demo.othersPassword')}</span> <code data-testid="demo-password">{props.demo.passwords.others}</code>
        </p>
        <p class="muted">{locale.t('demo.passwordsOnce')}</p>
      </div>
      <div class="first-run-table">
        <table>
          <caption>{locale.t('demo.loginsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{locale.t('demo.columnName')}</th>
              <th scope="col">{locale.t('demo.columnRole')}</th>
              <th scope="col">{locale.t('demo.columnOrganisation')}</th>
              <th scope="col">{locale.t('demo.columnLanguage')}</th>
              <th scope="col">{locale.t('demo.columnEmail')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.demo.logins}>
              {(login) => (
                <tr>
                  <th scope="row">{login.name}</th>
                  <td>{roleName(locale, login.role)}</td>
                  <td>
                    <OrganisationBadge name={login.organisation.name} color={login.organisation.color} kind={login.organisation.kind} />
                  </td>
                  <td lang={login.language}>{LOCALE_NAMES[login.language]}</td>
                  <td>
                    <code>{login.email}</code>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      {/* The session cookie is set already: reloading the session lets the route guard take the owner in. */}
      <button type="button" class="button primary" data-testid="demo-continue" onClick={() => session.reload()}>
        {locale.t('demo.continue', { name: ownerName() })}
      </button>
    </section>
  );
}
