import { createResource, type Accessor, type Resource } from 'solid-js';
import type { Project, UpdateProjectInput } from '../../shared/api';
import { roleAllows, type ProjectAction } from '../../shared/roles';
import { ApiError, type ApiClient } from '../lib/api';
import { loaded } from './loaded';

export interface ProjectStore {
  project: Resource<Project>;
  /** The server says there is no such project, or that I am not in it (it does not tell which). */
  notFound: Accessor<boolean>;
  reload(): void;
  /** Whether my role in the project allows `action`; false until the project is loaded. */
  can(action: ProjectAction): boolean;
  update(input: UpdateProjectInput): Promise<Project>;
  addPartner(organisationId: string): Promise<void>;
  /** Takes the badge away at once and puts it back if the server refuses. */
  removePartner(organisationId: string): Promise<void>;
}

/** One project's own details and partner organisations; members, invitations and documents have their own stores. */
export function createProjectStore(api: ApiClient, projectId: string): ProjectStore {
  const [project, { refetch, mutate }] = createResource(() => api.getProject(projectId));

  return {
    project,
    notFound: () => project.error instanceof ApiError && project.error.code === 'not_found',
    reload: () => void refetch(),
    can(action) {
      const current = loaded(project);
      return current !== undefined && roleAllows(current.myRole, action);
    },
    async update(input) {
      return mutate(await api.updateProject(projectId, input));
    },
    async addPartner(organisationId) {
      const organisation = await api.addPartner(projectId, organisationId);
      const current = loaded(project);
      if (current && !current.partners.some((partner) => partner.id === organisation.id)) {
        mutate({ ...current, partners: [...current.partners, organisation] });
      }
    },
    async removePartner(organisationId) {
      const before = loaded(project);
      if (before) mutate({ ...before, partners: before.partners.filter((partner) => partner.id !== organisationId) });
      try {
        await api.removePartner(projectId, organisationId);
      } catch (error) {
        if (before) mutate(before);
        throw error;
      }
    },
  };
}
