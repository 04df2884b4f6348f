import { createRoute } from '@hono/zod-openapi';
import { createOrganisationInputSchema, organisationListResponseSchema, organisationResponseSchema } from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import * as organisations from '../services/organisations';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Organisations'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Every partner organisation on this instance (public: sign-up lets people pick theirs)',
  responses: { 200: jsonResponse(organisationListResponseSchema, 'Organisations by name'), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security: SESSION_SECURITY,
  summary: 'Add an organisation',
  request: jsonBody(createOrganisationInputSchema),
  responses: { 201: jsonResponse(organisationResponseSchema, 'Created'), ...errorResponses },
});

export function organisationRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(list, async (c) => c.json({ organisations: await organisations.listOrganisations(deps) }, 200))
    .openapi(create, async (c) => {
      requireUser(c);
      return c.json({ organisation: await organisations.createOrganisation(deps, c.req.valid('json')) }, 201);
    });
}
