import { afterAll, beforeAll } from 'vitest';

/**
 * A server for every test of a file (PostgreSQL, Redis): started before the
 * first, stopped after the last. The getter throws if it is asked before.
 */
export function perFile<T extends { stop(): unknown }>(what: string, start: () => Promise<T>, timeoutMs: number): () => T {
  let server: T | undefined;
  beforeAll(async () => {
    server = await start();
  }, timeoutMs);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error(`${what} has not started`);
    return server;
  };
}
