import { createResource, type Resource } from 'solid-js';
import type { Member } from '../../shared/api';
import type { Role } from '../../shared/roles';
import type { ApiClient } from '../lib/api';
import { loaded } from './loaded';

export interface MembersStore {
  members: Resource<Member[]>;
  reload(): void;
  /** Shows the new role at once; puts the old one back and rethrows if the server refuses. */
  changeRole(userId: string, role: Role): Promise<void>;
  /** Takes the row away once the server agrees, so a refusal is explained on the row itself. */
  remove(userId: string): Promise<void>;
}

export function createMembersStore(api: ApiClient, projectId: string): MembersStore {
  const [members, { refetch, mutate }] = createResource(() => api.listMembers(projectId));

  const setRole = (userId: string, change: (member: Member) => Member) =>
    mutate((list) => list?.map((member) => (member.userId === userId ? change(member) : member)));

  return {
    members,
    reload: () => void refetch(),
    async changeRole(userId, role) {
      const before = loaded(members)?.find((member) => member.userId === userId);
      setRole(userId, (member) => ({ ...member, role }));
      try {
        const updated = await api.updateMember(projectId, userId, { role });
        setRole(userId, () => updated);
      } catch (error) {
        if (before) setRole(userId, () => before);
        throw error;
      }
    },
    async remove(userId) {
      await api.removeMember(projectId, userId);
      mutate((list) => list?.filter((member) => member.userId !== userId));
    },
  };
}
