import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site's page. The session
 * cookie is SameSite=Lax already; this checks the Origin (or Referer) against
 * the Host the request was sent to, and requires JSON bodies, which a plain
 * cross-site form cannot send.
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const source = c.req.header('origin') ?? c.req.header('referer');
      const host = c.req.header('host');
      if (source && host && safeHost(source) !== host) {
        throw new AppError(403, 'cross_site_request', 'Requests from other sites are not accepted');
      }
      const type = c.req.header('content-type');
      if (type !== undefined && !type.startsWith('application/json')) {
        throw new AppError(403, 'cross_site_request', 'Request bodies must be application/json');
      }
    }
    await next();
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
