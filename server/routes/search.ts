import { createRoute } from '@hono/zod-openapi';
import { searchQuerySchema, searchResponseSchema } from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import { search } from '../services/search';
import { errorResponses, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Search'],
  security: SESSION_SECURITY,
  summary: 'Documents, trial entries, annotations and workshop notes that match, among the projects one is in (authenticated)',
  request: { query: searchQuerySchema },
  responses: { 200: jsonResponse(searchResponseSchema, 'Matches, best first'), ...errorResponses },
});

export function searchRoutes(deps: ServiceDeps) {
  return newRouter().openapi(route, async (c) => c.json(await search(deps, requireUser(c), c.req.valid('query')), 200));
}
