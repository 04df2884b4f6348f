import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { Member } from '../../shared/api';
import { ROLES, type Role } from '../../shared/roles';
import { roleName } from '../i18n/roles';
import { canRemoveMember, memberRoleOptions } from '../lib/role-options';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import type { MembersStore } from '../stores/members';
import { ErrorNotice, LoadingLine } from './error-notice';
import { OrganisationBadge } from './organisation-badge';

/**
 * Who is in the project, from which organisation, with which role. The
 * select offers only the roles the viewer may give (`canAssignRole`);
 * removing someone asks first.
 */
export function MemberSection(props: {
  store: MembersStore;
  myRole: Role;
  myUserId: string;
  onMyRoleChanged(): void;
  onLeft(): void;
}) {
  const { locale } = useApp();
  return (
    <section class="panel" aria-labelledby="members-title">
      <h2 id="members-title">{locale.t('members.title')}</h2>
      <Switch>
        <Match when={loaded(props.store.members)}>
          {(members) => (
            <ul class="member-list" data-testid="member-list">
              {/* By id, not by object: a row keeps its state (an error, a confirmation) while its member is updated. */}
              <For each={members().map((member) => member.userId)}>
                {(userId) => (
                  <Show when={members().find((member) => member.userId === userId)}>
                    {(member) => (
                      <MemberRow
                        member={member()}
                        members={members()}
                        store={props.store}
                        myRole={props.myRole}
                        isMe={userId === props.myUserId}
                        onMyRoleChanged={props.onMyRoleChanged}
                        onLeft={props.onLeft}
                      />
                    )}
                  </Show>
                )}
              </For>
            </ul>
          )}
        </Match>
        <Match when={props.store.members.state === 'errored'}>
          <ErrorNotice error={props.store.members.error} message="members.loadError" onRetry={props.store.reload} />
        </Match>
        <Match when={true}>
          <LoadingLine message="members.loading" />
        </Match>
      </Switch>
    </section>
  );
}

function MemberRow(props: {
  member: Member;
  members: readonly Member[];
  store: MembersStore;
  myRole: Role;
  isMe: boolean;
  onMyRoleChanged(): void;
  onLeft(): void;
}) {
  const { locale } = useApp();
  const [confirming, setConfirming] = createSignal(false);
  let removeButton: HTMLButtonElement | undefined;
  const cancelRemoval = () => {
    setConfirming(false);
    // Back where the keyboard was before asking.
    removeButton?.focus();
  };
  const options = () => memberRoleOptions(props.myRole, props.members, props.member);
  const changeRole = createAction(async (role: Role) => {
    await props.store.changeRole(props.member.userId, role);
    if (props.isMe) props.onMyRoleChanged();
  });
  const remove = createAction(async () => {
    await props.store.remove(props.member.userId);
    if (props.isMe) props.onLeft();
  });
  const selectId = () => `member-role-${props.member.userId}`;

  return (
    <li class="member-row" data-testid="member-row" data-user-email={props.member.email ?? undefined}>
      <div class="member-who">
        <span class="member-name">
          {props.member.name}
          <Show when={props.isMe}>
            {' '}
            <span class="participant-you">{locale.t('participants.you')}</span>
          </Show>
        </span>
        <Show when={props.member.email}>{(email) => <span class="member-email muted">{email()}</span>}</Show>
        <Show when={props.member.organisation}>
          {(organisation) => (
            <OrganisationBadge name={organisation().name} color={organisation().color} kind={organisation().kind} />
          )}
        </Show>
      </div>
      <div class="member-actions">
        <Show
          when={options().length > 0}
          fallback={
            <span class="role-text" data-testid="member-role">
              {roleName(locale, props.member.role)}
            </span>
          }
        >
          <label class="visually-hidden" for={selectId()}>
            {locale.t('members.roleOf', { name: props.member.name })}
          </label>
          <select
            id={selectId()}
            class="text-input role-select"
            data-testid="member-role-select"
            value={props.member.role}
            disabled={changeRole.pending()}
            onChange={(event) => {
              const role = ROLES.find((value) => value === event.currentTarget.value);
              if (role && role !== props.member.role) void changeRole.run(role);
            }}
          >
            <For each={options()}>{(role) => <option value={role}>{roleName(locale, role)}</option>}</For>
          </select>
        </Show>
        <Show when={canRemoveMember(props.myRole, props.members, props.member) && !confirming()}>
          <button
            ref={removeButton}
            type="button"
            class="button subtle"
            data-testid="member-remove"
            aria-label={locale.t('members.removeLabel', { name: props.member.name })}
            onClick={() => setConfirming(true)}
          >
            {locale.t('members.remove')}
          </button>
        </Show>
      </div>
      <Show when={confirming()}>
        <div
          class="confirm"
          role="group"
          aria-label={locale.t('members.confirmLabel')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelRemoval();
          }}
        >
          <p>{props.isMe ? locale.t('members.confirmLeave') : locale.t('members.confirmRemove', { name: props.member.name })}</p>
          <div class="form-actions">
            <button
              type="button"
              class="button danger"
              data-testid="member-remove-confirm"
              disabled={remove.pending()}
              ref={(button) => queueMicrotask(() => button.focus())}
              onClick={() => void remove.run()}
            >
              {locale.t('members.remove')}
            </button>
            <button type="button" class="button" data-testid="member-remove-cancel" onClick={cancelRemoval}>
              {locale.t('common.cancel')}
            </button>
          </div>
        </div>
      </Show>
      <Show when={changeRole.error() ?? remove.error()}>
        {(error) => <ErrorNotice error={error()} message={changeRole.error() ? 'members.roleError' : 'members.removeError'} />}
      </Show>
    </li>
  );
}
