import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { INVITATION_MAX_DAYS, type CreateInvitationInput, type Invitation, type Organisation } from '../../shared/api';
import { ROLES, type Role } from '../../shared/roles';
import { formatDateTime } from '../i18n/format-time';
import { defaultInvitationRole, invitationRoleOptions } from '../lib/role-options';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { InvitationsStore, NewInvitation } from '../stores/invitations';
import { loaded } from '../stores/loaded';
import { ErrorNotice, LoadingLine } from './error-notice';
import { Field } from './field';
import { OrganisationOptions } from './organisation-options';
import { OrganisationBadge } from './organisation-badge';
import { InvitationStatusBadge } from './status-badges';
import { roleName, roleWithHelp } from '../i18n/roles';

const DEFAULT_DAYS = 14;

/**
 * Invitation links, for facilitators and owners: make one for a role (and
 * optionally on behalf of a partner organisation), copy it while it is
 * shown, see who has used theirs, withdraw the rest.
 */
export function InvitationSection(props: {
  store: InvitationsStore;
  myRole: Role;
  partners: readonly Organisation[];
  organisations: readonly Organisation[];
}) {
  const { locale } = useApp();
  return (
    <section class="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{locale.t('invitations.title')}</h2>
      <p class="muted section-intro">{locale.t('invitations.intro')}</p>
      <InvitationForm store={props.store} myRole={props.myRole} partners={props.partners} organisations={props.organisations} />
      <Show when={props.store.latest()}>{(latest) => <NewInvitationLink latest={latest()} />}</Show>
      <Switch>
        <Match when={loaded(props.store.invitations)}>
          {(invitations) => (
            <Show when={invitations().length > 0} fallback={<p class="muted">{locale.t('invitations.empty')}</p>}>
              <ul class="invitation-list" data-testid="invitation-list">
                <For each={invitations().map((invitation) => invitation.id)}>
                  {(id) => (
                    <Show when={invitations().find((invitation) => invitation.id === id)}>
                      {(invitation) => <InvitationRow store={props.store} invitation={invitation()} />}
                    </Show>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={props.store.invitations.state === 'errored'}>
          <ErrorNotice error={props.store.invitations.error} message="invitations.loadError" onRetry={props.store.reload} />
        </Match>
        <Match when={true}>
          <LoadingLine message="invitations.loading" />
        </Match>
      </Switch>
    </section>
  );
}

function InvitationForm(props: {
  store: InvitationsStore;
  myRole: Role;
  partners: readonly Organisation[];
  organisations: readonly Organisation[];
}) {
  const { locale } = useApp();
  const [role, setRole] = createSignal<Role | null>(defaultInvitationRole(props.myRole));
  const [organisationId, setOrganisationId] = createSignal('');
  const [days, setDays] = createSignal(DEFAULT_DAYS);
  const create = createAction((input: CreateInvitationInput) => props.store.create(input));
  // Someone may come on behalf of an organisation not yet in the project: accepting makes it a partner.
  const others = () => props.organisations.filter((organisation) => !props.partners.some((partner) => partner.id === organisation.id));
  const roleHint = () => {
    const chosen = role();
    return chosen ? roleWithHelp(locale, chosen) : undefined;
  };
  const validDays = () => Number.isInteger(days()) && days() >= 1 && days() <= INVITATION_MAX_DAYS;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = role();
    if (!chosen || !validDays()) return;
    void create.run({ role: chosen, expiresInDays: days(), ...(organisationId() ? { organisationId: organisationId() } : {}) });
  };

  return (
    <form class="invite-form" onSubmit={submit} novalidate>
      <div class="form-row">
        <Field id="invite-role" label={locale.t('invitations.role')} hint={roleHint()}>
          {(control) => (
            <select
              {...control}
              class="text-input"
              value={role() ?? ''}
              onChange={(event) => setRole(ROLES.find((value) => value === event.currentTarget.value) ?? null)}
            >
              <For each={invitationRoleOptions(props.myRole)}>
                {(option) => (
                  <option value={option} selected={option === role()}>
                    {roleName(locale, option)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field id="invite-organisation" label={locale.t('invitations.organisation')}>
          {(control) => (
            <select {...control} class="text-input" value={organisationId()} onChange={(event) => setOrganisationId(event.currentTarget.value)}>
              <option value="">{locale.t('invitations.anyOrganisation')}</option>
              <optgroup label={locale.t('invitations.partnersGroup')}>
                <OrganisationOptions organisations={props.partners} selected={organisationId()} />
              </optgroup>
              <Show when={others().length > 0}>
                <optgroup label={locale.t('invitations.othersGroup')}>
                  <OrganisationOptions organisations={others()} selected={organisationId()} />
                </optgroup>
              </Show>
            </select>
          )}
        </Field>
        <Field
          id="invite-days"
          label={locale.t('invitations.days')}
          error={validDays() ? null : locale.t('invitations.daysInvalid', { max: INVITATION_MAX_DAYS })}
        >
          {(control) => (
            <input
              {...control}
              class="text-input"
              type="number"
              inputmode="numeric"
              min={1}
              max={INVITATION_MAX_DAYS}
              value={days()}
              onInput={(event) => setDays(event.currentTarget.valueAsNumber)}
            />
          )}
        </Field>
      </div>
      <Show when={create.error()}>{(error) => <ErrorNotice error={error()} message="invitations.createError" />}</Show>
      <div class="form-actions">
        <button type="submit" class="button primary" data-testid="invite-create" disabled={create.pending() || !role()}>
          {create.pending() ? locale.t('invitations.creating') : locale.t('invitations.create')}
        </button>
      </div>
    </form>
  );
}

/** The link, shown once: the server keeps only a hash of its token. */
function NewInvitationLink(props: { latest: NewInvitation }) {
  const { locale } = useApp();
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  let input!: HTMLInputElement;

  const copy = async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(props.latest.url);
      setCopied('yes');
    } catch {
      // Over plain http, or without permission: the text stays selected for the user to copy.
      setCopied('failed');
    }
  };

  return (
    <div class="invite-link-box" role="status">
      <label class="field-label" for="invite-link">
        {locale.t('invitations.linkLabel', { role: locale.t(`role.${props.latest.invitation.role}`) })}
      </label>
      <div class="inline-form-row">
        <input
          ref={input}
          id="invite-link"
          class="text-input"
          data-testid="invite-link"
          readOnly
          value={props.latest.url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button" data-testid="invite-copy" onClick={() => void copy()}>
          {copied() === 'yes' ? locale.t('invitations.copied') : locale.t('invitations.copy')}
        </button>
      </div>
      <p class="field-hint">
        {copied() === 'failed' ? locale.t('invitations.copyFailed') : locale.t('invitations.linkOnce')}
      </p>
    </div>
  );
}

function InvitationRow(props: { store: InvitationsStore; invitation: Invitation }) {
  const { locale } = useApp();
  const revoke = createAction(() => props.store.revoke(props.invitation.id));
  const expires = () => formatDateTime(new Date(props.invitation.expiresAt), locale.locale());
  return (
    <li class="invitation-row" data-testid="invitation-row" data-status={props.invitation.status}>
      <div class="invitation-what">
        <strong>{locale.t(`role.${props.invitation.role}`)}</strong>
        <Show when={props.invitation.organisation}>
          {(organisation) => <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />}
        </Show>
        <InvitationStatusBadge status={props.invitation.status} />
      </div>
      <p class="muted invitation-when">
        {locale.t('invitations.createdBy', { name: props.invitation.createdBy })} ·{' '}
        <time datetime={props.invitation.expiresAt}>{locale.t('invitations.expires', { date: expires() })}</time>
      </p>
      <Show when={props.invitation.status === 'pending'}>
        <button
          type="button"
          class="button subtle"
          data-testid="invitation-revoke"
          disabled={revoke.pending()}
          onClick={() => void revoke.run()}
        >
          {locale.t('invitations.revoke')}
        </button>
      </Show>
      <Show when={revoke.error()}>{(error) => <ErrorNotice error={error()} message="invitations.revokeError" />}</Show>
    </li>
  );
}
