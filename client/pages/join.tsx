import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import { invitationTokenSchema } from '../../shared/api';
import { ErrorNotice, LoadingLine } from '../components/error-notice';
import { NotFoundState } from '../components/not-found-state';
import { OrganisationBadge } from '../components/organisation-badge';
import { formatDateTime } from '../i18n/format-time';
import { isApiError } from '../lib/api';
import { effectiveInvitationStatus } from '../lib/invitation-status';
import { authPath } from '../lib/route-access';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { roleWithHelp } from '../i18n/roles';

/** An invitation link: what it is for, and accepting it (after logging in or signing up). */
export function JoinPage() {
  const params = useParams<{ token: string }>();
  const { api, session, locale } = useApp();
  const navigate = useNavigate();
  const validToken = () => (invitationTokenSchema.safeParse(params.token).success ? params.token : undefined);
  const [invitation, { refetch }] = createResource(validToken, (token) => api.previewInvitation(token));
  const accept = createAction(async (token: string) => {
    const projectId = await api.acceptInvitation(token);
    navigate(`/p/${encodeURIComponent(projectId)}`);
  });
  const here = () => `/join/${params.token}`;
  const notFound = () => validToken() === undefined || isApiError(invitation.error, 'not_found');

  return (
    <Show
      when={!notFound()}
      fallback={<NotFoundState title={locale.t('join.notFoundTitle')} body={locale.t('join.notFoundBody')} />}
    >
      <Switch>
        <Match when={loaded(invitation)}>
          {(preview) => (
            <section class="join-card" aria-labelledby="join-title" data-testid="join-card">
              <p class="eyebrow">{locale.t('join.eyebrow')}</p>
              <h1 id="join-title" data-testid="join-project-title">
                {preview().projectTitle}
              </h1>
              <dl class="facts">
                <dt>{locale.t('join.role')}</dt>
                <dd data-testid="join-role">{roleWithHelp(locale, preview().role)}</dd>
                <Show when={preview().organisation}>
                  {(organisation) => (
                    <>
                      <dt>{locale.t('join.organisation')}</dt>
                      <dd>
                        <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />
                      </dd>
                    </>
                  )}
                </Show>
                <dt>{locale.t('join.invitedBy')}</dt>
                <dd>{preview().invitedBy}</dd>
                <dt>{locale.t('join.expires')}</dt>
                <dd>
                  <time datetime={preview().expiresAt}>{formatDateTime(new Date(preview().expiresAt), locale.locale())}</time>
                </dd>
              </dl>
              <Switch>
                <Match when={effectiveInvitationStatus(preview(), new Date()) !== 'pending'}>
                  <p class="notice warning" role="status" data-testid="join-unavailable">
                    {locale.t(`join.status.${effectiveInvitationStatus(preview(), new Date())}`)}
                  </p>
                </Match>
                <Match when={session.status() === 'signed-in'}>
                  <div class="join-actions">
                    <button
                      type="button"
                      class="button primary"
                      data-testid="join-accept"
                      disabled={accept.pending()}
                      onClick={() => void accept.run(params.token)}
                    >
                      {accept.pending() ? locale.t('join.accepting') : locale.t('join.accept')}
                    </button>
                    <p class="muted">{locale.t('join.acceptAs', { name: session.user()?.name ?? '' })}</p>
                  </div>
                  <Show when={accept.error()}>
                    {(error) => <ErrorNotice error={error()} message="join.acceptError" />}
                  </Show>
                </Match>
                <Match when={session.status() === 'loading'}>
                  <LoadingLine message="common.loading" />
                </Match>
                <Match when={true}>
                  <p>{locale.t('join.needAccount')}</p>
                  <div class="join-actions">
                    <A href={authPath('/signup', here())} class="button primary" data-testid="join-signup">
                      {locale.t('join.signUp')}
                    </A>
                    <A href={authPath('/login', here())} class="button" data-testid="join-login">
                      {locale.t('join.logIn')}
                    </A>
                  </div>
                </Match>
              </Switch>
            </section>
          )}
        </Match>
        <Match when={invitation.state === 'errored'}>
          <ErrorNotice error={invitation.error} message="join.loadError" onRetry={() => void refetch()} />
        </Match>
        <Match when={true}>
          <LoadingLine message="join.loading" />
        </Match>
      </Switch>
    </Show>
  );
}
