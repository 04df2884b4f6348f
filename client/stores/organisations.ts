import { createResource, type Resource } from 'solid-js';
import type { CreateOrganisationInput, Organisation } from '../../shared/api';
import type { ApiClient } from '../lib/api';

export interface OrganisationsStore {
  /** Every organisation on this Ensemble, by name. */
  organisations: Resource<Organisation[]>;
  reload(): void;
  /** Creates one and adds it to the list. */
  create(input: CreateOrganisationInput): Promise<Organisation>;
}

const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name);

export function createOrganisationsStore(api: ApiClient): OrganisationsStore {
  const [organisations, { refetch, mutate }] = createResource(async () => (await api.listOrganisations()).sort(byName));
  return {
    organisations,
    reload: () => void refetch(),
    async create(input) {
      const created = await api.createOrganisation(input);
      mutate((list) => [...(list ?? []), created].sort(byName));
      return created;
    },
  };
}
