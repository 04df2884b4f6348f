import type { Logger } from '../logger';
import { deleteExpiredSessions } from '../storage/accounts-repository';
import { deleteOldNotifications } from '../storage/notifications-repository';
import type { ServiceDeps } from './context';

const DAY_MS = 24 * 3600 * 1000;
/** A read notification is kept this long; the inbox shows the latest 50, and a season's are enough to look back on. */
export const READ_NOTIFICATION_KEPT_MS = 90 * DAY_MS;
/** Any notification, read or not, is kept this long. */
export const NOTIFICATION_KEPT_MS = 365 * DAY_MS;
/** How often the tidying runs, besides once at start. */
const EVERY_MS = 6 * 3600 * 1000;

export interface TidiedUp {
  sessions: number;
  notifications: number;
}

/**
 * Deletes what nobody will see again: sessions that have ended, and
 * notifications read long ago or too old to act on. Without it both tables
 * only grow. Safe on several instances at once: each delete is idempotent.
 */
export async function tidyUp(deps: Pick<ServiceDeps, 'db' | 'clock'>): Promise<TidiedUp> {
  const now = deps.clock();
  const sessions = await deleteExpiredSessions(deps.db, now);
  const notifications = await deleteOldNotifications(deps.db, now - READ_NOTIFICATION_KEPT_MS, now - NOTIFICATION_KEPT_MS);
  return { sessions, notifications };
}

/** Tidies up now and every six hours until the returned stop is called; resolves the stop once a run in progress has ended. */
export function startHousekeeping(deps: Pick<ServiceDeps, 'db' | 'clock'>, logger: Logger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = tidyUp(deps).then(
      (tidied) => {
        if (tidied.sessions + tidied.notifications > 0) logger.info('tidied up', { ...tidied });
      },
      (error: unknown) => logger.error('could not tidy up', { error }),
    );
  };
  run();
  const timer = setInterval(run, EVERY_MS).unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
