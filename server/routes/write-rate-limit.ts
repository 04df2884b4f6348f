import type { MiddlewareHandler } from 'hono';
import { tooManyRequests } from '../errors';
import { RateLimiter } from '../rate-limiter';
import type { AppEnv } from './env';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Requests between two sweeps of the buckets that have refilled. */
const SWEEP_EVERY = 1000;

/**
 * Limits the changes one session (one address when logged out) makes
 * through the API: threads, replies, workshop notes, votes… Each is stored
 * and sent live to everyone in its room, so a script or a stuck client must
 * not flood a discussion or a board. `perSecond` sustained, bursts of ten
 * times that; reads are not limited.
 */
export function writeRateLimit(perSecond: number): MiddlewareHandler<AppEnv> {
  const limiter = new RateLimiter(perSecond, perSecond * 10);
  let requests = 0;
  return async (c, next) => {
    if (!READS.has(c.req.method)) {
      if (++requests % SWEEP_EVERY === 0) limiter.sweep();
      const token = c.get('sessionToken');
      if (!limiter.take(token ? `session:${token}` : `address:${c.get('clientAddress')}`)) {
        throw tooManyRequests(Math.ceil(1 / perSecond));
      }
    }
    await next();
  };
}
