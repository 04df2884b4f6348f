import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { canRemoveMember, defaultInvitationRole, invitationRoleOptions, isLastOwner, memberRoleOptions } from './role-options';

const member = (userId: string, role: Role) => ({ userId, role });
const team = [member('o1', 'owner'), member('f1', 'facilitator'), member('e1', 'editor'), member('v1', 'viewer')];

describe('memberRoleOptions', () => {
  it('lets an owner move anyone but the last owner to any role', () => {
    expect(memberRoleOptions('owner', team, member('e1', 'editor'))).toEqual(['owner', 'facilitator', 'editor', 'commenter', 'viewer']);
    expect(memberRoleOptions('owner', team, member('f1', 'facilitator'))).toHaveLength(5);
  });

  it('gives a facilitator only the roles below theirs, for members below them', () => {
    expect(memberRoleOptions('facilitator', team, member('e1', 'editor'))).toEqual(['editor', 'commenter', 'viewer']);
    expect(memberRoleOptions('facilitator', team, member('v1', 'viewer'))).toEqual(['editor', 'commenter', 'viewer']);
  });

  it('offers nothing for members at or above a facilitator', () => {
    expect(memberRoleOptions('facilitator', team, member('o1', 'owner'))).toEqual([]);
    expect(memberRoleOptions('facilitator', team, member('f1', 'facilitator'))).toEqual([]);
  });

  it('offers nothing to editors and below', () => {
    for (const actor of ['editor', 'commenter', 'viewer'] as const) {
      expect(memberRoleOptions(actor, team, member('v1', 'viewer'))).toEqual([]);
    }
  });

  it('does not offer to demote the last owner, but does once there is a second', () => {
    expect(memberRoleOptions('owner', team, member('o1', 'owner'))).toEqual([]);
    const twoOwners = [...team, member('o2', 'owner')];
    expect(memberRoleOptions('owner', twoOwners, member('o1', 'owner'))).toHaveLength(5);
  });
});

describe('canRemoveMember', () => {
  it('follows the same rules as changing a role', () => {
    expect(canRemoveMember('owner', team, member('f1', 'facilitator'))).toBe(true);
    expect(canRemoveMember('facilitator', team, member('e1', 'editor'))).toBe(true);
    expect(canRemoveMember('facilitator', team, member('f1', 'facilitator'))).toBe(false);
    expect(canRemoveMember('editor', team, member('v1', 'viewer'))).toBe(false);
    expect(canRemoveMember('owner', team, member('o1', 'owner'))).toBe(false);
  });
});

describe('isLastOwner', () => {
  it('is true only for an owner with no other owner', () => {
    expect(isLastOwner(team, member('o1', 'owner'))).toBe(true);
    expect(isLastOwner(team, member('f1', 'facilitator'))).toBe(false);
  });
});

describe('invitationRoleOptions', () => {
  it('lets owners invite any role and facilitators only below theirs', () => {
    expect(invitationRoleOptions('owner')).toEqual(['owner', 'facilitator', 'editor', 'commenter', 'viewer']);
    expect(invitationRoleOptions('facilitator')).toEqual(['editor', 'commenter', 'viewer']);
    expect(invitationRoleOptions('editor')).toEqual([]);
  });

  it('starts the form at editor when it is allowed', () => {
    expect(defaultInvitationRole('facilitator')).toBe('editor');
    expect(defaultInvitationRole('viewer')).toBeNull();
  });
});
