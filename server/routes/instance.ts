import { createRoute } from '@hono/zod-openapi';
import { demoInputSchema, demoResponseSchema, instanceStatusResponseSchema } from '../../shared/api';
import * as accounts from '../services/accounts';
import type { ServiceDeps } from '../services/context';
import { createDemoProgramme, instanceIsEmpty } from '../services/demo';
import { errorResponses, jsonResponse, newRouter } from './openapi';
import { setSessionCookie } from './session';

const tags = ['Instance'];

const status = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Whether the instance is still empty (no account yet), so the first visitor may try the sample programme',
  responses: { 200: jsonResponse(instanceStatusResponseSchema, 'The instance’s state'), ...errorResponses },
});

const demo = createRoute({
  method: 'post',
  path: '/demo',
  tags,
  summary:
    'On an empty instance only: create the sample programme and log in as its owner, who administers the instance (409 instance_not_empty otherwise)',
  // Optional: without a body the owner keeps the sample's own language.
  request: { body: { required: false, content: { 'application/json': { schema: demoInputSchema } } } },
  responses: { 201: jsonResponse(demoResponseSchema, 'Created, and logged in as the owner'), ...errorResponses },
});

export function instanceRoutes(deps: ServiceDeps, options: { secureCookies: boolean }) {
  return newRouter()
    .openapi(status, async (c) => c.json({ empty: await instanceIsEmpty(deps) }, 200))
    .openapi(demo, async (c) => {
      const { logins, passwords, projectIds } = await createDemoProgramme(deps, { ownerLanguage: c.req.valid('json').language });
      const owner = logins.find((login) => login.role === 'owner')!;
      const { token } = await accounts.logIn(deps, { email: owner.email, password: passwords.owner }, c.get('clientAddress'));
      setSessionCookie(c, token, deps.sessionTtlMs, options.secureCookies);
      return c.json({ logins, passwords, projectIds }, 201);
    });
}
