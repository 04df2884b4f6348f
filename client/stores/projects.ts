import { createResource, type Resource } from 'solid-js';
import type { CreateProjectInput, Project } from '../../shared/api';
import type { ApiClient } from '../lib/api';

export interface ProjectsStore {
  /** The projects I am a member of. */
  projects: Resource<Project[]>;
  reload(): void;
  create(input: CreateProjectInput): Promise<Project>;
}

export function createProjectsStore(api: ApiClient): ProjectsStore {
  const [projects, { refetch, mutate }] = createResource(() => api.listProjects());
  return {
    projects,
    reload: () => void refetch(),
    async create(input) {
      const created = await api.createProject(input);
      mutate((list) => [created, ...(list ?? [])]);
      return created;
    },
  };
}
