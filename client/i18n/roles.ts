import type { Role } from '../../shared/roles';
import type { LocaleStore } from '../stores/locale';

export function roleName(locale: Pick<LocaleStore, 't'>, role: Role): string {
  return locale.t(`role.${role}`);
}

/** "Editor: writes and creates documents." */
export function roleWithHelp(locale: Pick<LocaleStore, 't'>, role: Role): string {
  return locale.t('role.withHelp', { role: roleName(locale, role), help: locale.t(`roleHelp.${role}`) });
}
