import type { Invitation, Project } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { useApp } from '../stores/app-context';

export function StatusBadge(props: { status: Project['status'] }) {
  const { locale } = useApp();
  return (
    <span class="status-badge" data-status={props.status}>
      {locale.t(`projectStatus.${props.status}`)}
    </span>
  );
}

/** My role, said as "You: Editor" so it is not mistaken for someone else's. */
export function RoleBadge(props: { role: Role }) {
  const { locale } = useApp();
  return (
    <span class="role-badge" data-role={props.role} data-testid="my-role">
      {locale.t('project.myRole', { role: locale.t(`role.${props.role}`) })}
    </span>
  );
}

export function InvitationStatusBadge(props: { status: Invitation['status'] }) {
  const { locale } = useApp();
  return (
    <span class="status-badge" data-status={props.status} data-testid="invitation-status">
      {locale.t(`invitationStatus.${props.status}`)}
    </span>
  );
}
