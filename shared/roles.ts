/**
 * Who may do what in a project. This one table drives the server's policies,
 * what the client offers, and the authorisation tests.
 */
export const ROLES = ['owner', 'facilitator', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Higher ranks include every right of lower ones. */
export const ROLE_RANK: Record<Role, number> = { owner: 5, facilitator: 4, editor: 3, commenter: 2, viewer: 1 };

export const PROJECT_ACTIONS = {
  'project.read': 'viewer',
  'project.update': 'facilitator',
  'members.read': 'viewer',
  'members.manage': 'facilitator',
  'partners.manage': 'facilitator',
  'invitations.manage': 'facilitator',
  'document.read': 'viewer',
  'document.comment': 'commenter',
  'document.create': 'editor',
  'document.update': 'editor',
  'document.edit': 'editor',
  /** Send a draft to review, or take it back. */
  'document.submit': 'editor',
  /** Validate and publish, or send back a step. */
  'document.validate': 'facilitator',
  /** Create and run workshops: the agenda, the timer, reveals, the lock, the synthesis. */
  'workshop.facilitate': 'facilitator',
} as const satisfies Record<string, Role>;

export type ProjectAction = keyof typeof PROJECT_ACTIONS;

/** Whether a member with `role` may perform `action` in their project. */
export function roleAllows(role: Role, action: ProjectAction): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[PROJECT_ACTIONS[action]];
}

/**
 * Whether `actor` may give `target` (currently `from`, or a newcomer) the role
 * `to`: nobody hands out or takes away a role above their own, and only owners
 * touch other owners.
 */
export function canAssignRole(actor: Role, from: Role | null, to: Role | null): boolean {
  if (!roleAllows(actor, 'members.manage')) return false;
  if (actor === 'owner') return true;
  const below = (r: Role | null) => r === null || ROLE_RANK[r] < ROLE_RANK[actor];
  return below(from) && below(to);
}

export const STAKEHOLDER_KINDS = [
  'ngo',
  'farmers_organisation',
  'academic',
  'public_body',
  'private_sector',
  'local_expertise',
  'network',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
