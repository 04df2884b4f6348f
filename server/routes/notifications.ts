import { createRoute } from '@hono/zod-openapi';
import { markReadInputSchema, notificationsResponseSchema } from '../../shared/api';
import type { ServiceDeps } from '../services/context';
import { markNotificationsRead, notificationsOf } from '../services/notifications';
import { errorResponses, jsonBody, jsonResponse, newRouter, SESSION_SECURITY } from './openapi';
import { requireUser } from './session';

const tags = ['Notifications'];
const security = SESSION_SECURITY;

const routes = {
  list: createRoute({
    method: 'get', path: '/', tags, security,
    summary: 'One’s latest notifications and how many are unread (signed in)',
    responses: { 200: jsonResponse(notificationsResponseSchema, 'Notifications'), ...errorResponses },
  }),
  read: createRoute({
    method: 'post', path: '/read', tags, security,
    summary: 'Mark some of one’s notifications read, or all (signed in)',
    request: jsonBody(markReadInputSchema),
    responses: { 204: { description: 'Done' }, ...errorResponses },
  }),
};

export function notificationRoutes(deps: ServiceDeps) {
  return newRouter()
    .openapi(routes.list, async (c) => c.json(await notificationsOf(deps, requireUser(c)), 200))
    .openapi(routes.read, async (c) => {
      await markNotificationsRead(deps, requireUser(c), c.req.valid('json'));
      return c.body(null, 204);
    });
}
