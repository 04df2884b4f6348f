import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, Match, Show, Switch } from 'solid-js';
import { identityOf } from '../lib/identity';
import { authPath, redirectFor, routeAccess } from '../lib/route-access';
import { useApp } from '../stores/app-context';
import { ColorDot } from './color-dot';
import { ErrorNotice, LoadingLine } from './error-notice';
import { InboxBell } from './inbox-bell';
import { LanguageSelect } from './language-select';

/**
 * The header, and the guard: a page for members is shown only once the
 * server has said who is logged in; logged-out visitors go to log in and
 * come back afterwards, and someone logged in skips the login pages.
 */
export function AppShell(props: RouteSectionProps) {
  const { session, locale } = useApp();
  const navigate = useNavigate();
  const here = () => props.location.pathname + props.location.search;

  createEffect(() => {
    const target = redirectFor(props.location, session.status());
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
          <A href="/" class="brand" end>
            {locale.t('app.name')}
          </A>
          <Show when={session.user()}>
            <A href="/" class="header-link" end>
              {locale.t('nav.projects')}
            </A>
          </Show>
        </nav>
        <div class="header-tools">
          <Show
            when={session.user()}
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
