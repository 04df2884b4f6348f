import { createRoute } from '@hono/zod-openapi';
import {
  changePasswordInputSchema,
  logInInputSchema,
  meResponseSchema,
  signUpInputSchema,
  updateProfileInputSchema,
} from '../../shared/api';
import * as accounts from '../services/accounts';
import type { ServiceDeps } from '../services/context';
import { errorResponses, jsonBody, jsonResponse, newRouter, noContent, SESSION_SECURITY } from './openapi';
import { clearSessionCookie, requireParticipant, requireUser, setSessionCookie } from './session';

const tags = ['Accounts'];

const signUp = createRoute({
  method: 'post',
  path: '/signup',
  tags,
  summary: 'Create an account and log in; the first account administers the instance',
  request: jsonBody(signUpInputSchema),
  responses: { 201: jsonResponse(meResponseSchema, 'Signed up and logged in'), ...errorResponses },
});

const logIn = createRoute({
  method: 'post',
  path: '/login',
  tags,
  summary: 'Log in with email and password (failed attempts are throttled per account and per address)',
  request: jsonBody(logInInputSchema),
  responses: { 200: jsonResponse(meResponseSchema, 'Logged in'), ...errorResponses },
});

const logOut = createRoute({
  method: 'post',
  path: '/logout',
  tags,
  summary: 'End this session',
  responses: { 204: noContent, ...errorResponses },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security: SESSION_SECURITY,
  summary: 'The logged-in person',
  responses: { 200: jsonResponse(meResponseSchema, 'The logged-in person'), ...errorResponses },
});

const updateMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  security: SESSION_SECURITY,
  summary: 'Change name, language or organisation',
  request: jsonBody(updateProfileInputSchema),
  responses: { 200: jsonResponse(meResponseSchema, 'Updated'), ...errorResponses },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags,
  security: SESSION_SECURITY,
  summary: 'Change the password; every other session is logged out',
  request: jsonBody(changePasswordInputSchema),
  responses: { 204: noContent, ...errorResponses },
});

export function authRoutes(deps: ServiceDeps, options: { secureCookies: boolean }) {
  return newRouter()
    .openapi(signUp, async (c) => {
      const { user, token } = await accounts.signUp(deps, c.req.valid('json'));
      setSessionCookie(c, token, deps.sessionTtlMs, options.secureCookies);
      return c.json({ user }, 201);
    })
    .openapi(logIn, async (c) => {
      const { user, token } = await accounts.logIn(deps, c.req.valid('json'), c.get('clientAddress'));
      setSessionCookie(c, token, deps.sessionTtlMs, options.secureCookies);
      return c.json({ user }, 200);
    })
    .openapi(logOut, async (c) => {
      const token = c.get('sessionToken');
      if (token) await accounts.logOut(deps, token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(me, async (c) => c.json({ user: await accounts.toMe(deps, requireParticipant(c)) }, 200))
    .openapi(updateMe, async (c) =>
      c.json({ user: await accounts.updateProfile(deps, requireUser(c), c.req.valid('json')) }, 200),
    )
    .openapi(changePassword, async (c) => {
      await accounts.changePassword(deps, requireUser(c), c.get('sessionToken')!, c.req.valid('json'));
      return c.body(null, 204);
    });
}
