import type { z } from 'zod';
import type { createOrganisationInputSchema, Organisation } from '../../shared/api';
import * as repo from '../storage/accounts-repository';
import type { OrganisationRow } from '../storage/database';
import type { ServiceDeps } from './context';
import { newId } from './ids';

/** Readable on white and as a badge background; picked in turn when none is given. */
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

export function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, kind: row.kind, country: row.country, color: row.color };
}

export async function listOrganisations(deps: ServiceDeps): Promise<Organisation[]> {
  return (await repo.listOrganisations(deps.db)).map(toOrganisation);
}

export async function createOrganisation(
  deps: ServiceDeps,
  input: z.output<typeof createOrganisationInputSchema>,
): Promise<Organisation> {
  const row: OrganisationRow = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    country: input.country,
    color: input.color ?? PALETTE[(await repo.countOrganisations(deps.db)) % PALETTE.length]!,
    created_at: deps.clock(),
  };
  await repo.insertOrganisation(deps.db, row);
  return toOrganisation(row);
}
