import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { clientAddress } from '../client-address';
import { forbidden, unauthenticated } from '../errors';
import { SESSION_COOKIE, sessionFor } from '../services/accounts';
import type { ServiceDeps } from '../services/context';
import type { UserRow } from '../storage/database';
import type { AppEnv } from './env';

/** Resolves the session cookie, if any, into `c.var.user`. */
export function sessionMiddleware(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? (await sessionFor(deps, token))?.user : undefined;
    c.set('user', user ?? null);
    c.set('sessionToken', user && token ? token : null);
    await next();
  };
}

/** Records in `c.var.clientAddress` where the request came from, past `trustedProxies` reverse proxies: what throttles count against. */
export function clientAddressMiddleware(trustedProxies: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustedProxies));
    await next();
  };
}

/** The signed-in person, who must have a full account: a workshop's guest reaches that workshop only. */
export function requireUser(c: Context<AppEnv>): UserRow {
  const user = requireParticipant(c);
  if (user.guest_of) throw forbidden('A guest can only take part in their workshop');
  return user;
}

/** The signed-in person, a workshop's guest included: for the routes a guest may use. */
export function requireParticipant(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}


export function setSessionCookie(c: Context, token: string, ttlMs: number, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
