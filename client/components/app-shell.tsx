import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, Match, Show, Switch } from 'solid-js';
import { identityOf } from '../lib/identity';
import { documentPath } from '../lib/paths';
import { authPath, redirectFor, routeAccess, workshopGuestRedirect } from '../lib/route-access';
import { useApp } from '../stores/app-context';
import { ColorDot } from './color-dot';
import { ErrorNotice, LoadingLine } from './error-notice';
import { InboxBell } from './inbox-bell';
import { LanguageSelect } from './language-select';
import { QuickSearch } from './quick-search';

/**
 * The header, and the guard: a page for members is shown only once the
 * server has said who is logged in; logged-out visitors go to log in and
 * come back afterwards, and someone logged in skips the login pages.
 */
export function AppShell(props: RouteSectionProps) {
  const { session, locale } = useApp();
  const navigate = useNavigate();
  const here = () => props.location.pathname + props.location.search;
  // A workshop's guest reaches that workshop only: no projects, inbox or profile to show them.
  const guestOf = () => session.user()?.guestOf ?? null;
  const member = () => (guestOf() === null ? session.user() : null);

  createEffect(() => {
    const target = redirectFor(props.location, session.status()) ?? workshopGuestRedirect(props.location.pathname, guestOf());
    if (target !== null) navigate(target, { replace: true });
  });

  const showPage = () => {
    const status = session.status();
    switch (routeAccess(props.location.pathname)) {
      case 'public':
        return true;
      case 'guest':
        return status === 'signed-out' || status === 'error';
      case 'member':
        return status === 'signed-in';
    }
  };

  return (
    <>
      <header class="app-header">
        <nav class="header-nav" aria-label={locale.t('nav.label')}>
          <A href={guestOf() === null ? '/' : documentPath(guestOf() ?? '')} class="brand" end>
            {locale.t('app.name')}
          </A>
          <Show when={member()}>
            <A href="/" class="header-link" end>
              {locale.t('nav.projects')}
            </A>
          </Show>
        </nav>
        <div class="header-tools">
          <Show when={guestOf() !== null && session.user()}>
            {(me) => (
              <span class="header-guest" data-testid="guest-name">
                <ColorDot color={identityOf(me()).color} />
                <span class="profile-link-name">{locale.t('workshops.guests.you', { name: me().name })}</span>
              </span>
            )}
          </Show>
          <Show
            when={member()}
            fallback={
              <Show when={session.status() === 'signed-out' && routeAccess(props.location.pathname) === 'public'}>
                <A href={authPath('/login', here())} class="header-button">
                  {locale.t('nav.logIn')}
                </A>
              </Show>
            }
          >
            {(me) => (
              <>
                <QuickSearch />
                <InboxBell />
                <A
                  href="/profile"
                  class="header-button profile-link"
                  data-testid="profile-link"
                  title={locale.t('nav.profile', { name: me().name })}
                >
                  <ColorDot color={identityOf(me()).color} />
                  <span class="profile-link-name">{me().name}</span>
                </A>
              </>
            )}
          </Show>
          <LanguageSelect />
        </div>
      </header>
      <main class="app-main">
        <Switch>
          <Match when={showPage()}>{props.children}</Match>
          <Match when={session.status() === 'error'}>
            <ErrorNotice error={session.loadError()} message="session.loadError" onRetry={session.reload} />
          </Match>
          <Match when={true}>
            <LoadingLine message="common.loading" />
          </Match>
        </Switch>
      </main>
    </>
  );
}
