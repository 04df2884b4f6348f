import { createResource, type Resource } from 'solid-js';
import type { CreateWorkshopInput, Workshop } from '../../shared/api';
import type { ApiClient } from '../lib/api';

export interface WorkshopsStore {
  workshops: Resource<Workshop[]>;
  reload(): void;
  create(input: CreateWorkshopInput): Promise<Workshop>;
}

/** A project's workshops. */
export function createWorkshopsStore(api: ApiClient, projectId: string): WorkshopsStore {
  const [workshops, { refetch, mutate }] = createResource(() => api.listWorkshops(projectId));
  return {
    workshops,
    reload: () => void refetch(),
    async create(input) {
      const created = await api.createWorkshop(projectId, input);
      mutate((list) => [created, ...(list ?? [])]);
      return created;
    },
  };
}
