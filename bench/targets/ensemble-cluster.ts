import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from '../../test/helpers/postgres';
import { startRedis } from '../../test/helpers/redis';
import { ENSEMBLE_ENV, ENSEMBLE_READY, EnsembleApi, ensembleWsUrl, LIMITS } from './ensemble';
import { type ServerProcess, startServerProcess } from './server-process';
import { storageFor } from './storage';
import type { RunningTarget, StartOptions, Target } from './target';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INSTANCES = 2;

/**
 * Ensemble as several instances on one machine: a PostgreSQL and a
 * redis-server of their own on loopback (the tests' helpers start them),
 * then two `node --import tsx server/index.ts` on them. Client `i` connects
 * to instance `i mod 2`, so every edit reaches half of the other clients
 * through Redis. Server CPU and memory are those of the two Ensemble
 * processes, summed; PostgreSQL's CPU (all its processes) and Redis's are
 * read apart, as support CPU, and not counted as other processes' load.
 */
export const ensembleClusterTarget: Target = {
  name: 'ensemble-2',
  protocol: 'ensemble',
  durability: {
    storage: `PostgreSQL (fsync on, synchronous_commit on), ${INSTANCES} instances linked by Redis pub/sub: one row per update, group-committed before broadcast`,
    storedBeforeBroadcast: true,
    settings: { instances: INSTANCES, ...LIMITS },
  },
  start: startCluster,
};

async function startCluster({ nodeArgs = [], storageDir }: StartOptions = {}): Promise<RunningTarget> {
  const storage = storageFor(storageDir, 'ensemble-2-bench');
  // Run as root, PostgreSQL runs as `postgres`, which must reach its folder inside this one.
  fs.chmodSync(storage.path, 0o755);
  const stack: (() => Promise<void> | void)[] = [() => storage.release()];
  const unwind = async () => {
    for (const stop of stack.splice(0).reverse()) await stop();
  };
  try {
    const postgres = await startPostgres({ dir: path.join(storage.path, 'postgres'), durable: true });
    stack.push(() => postgres.stop());
    const redis = await startRedis();
    stack.push(() => redis.stop());
    const servers: ServerProcess[] = [];
    // One after the other: the first creates the schema.
    for (let i = 0; i < INSTANCES; i++) {
      const server = await startServerProcess({
        args: [...nodeArgs, '--import', 'tsx', 'server/index.ts'],
        cwd: ROOT,
        env: { ...ENSEMBLE_ENV, DATABASE_URL: postgres.url, REDIS_URL: redis.url, DATA_DIR: path.join(storage.path, `instance-${i}`) },
        ready: ENSEMBLE_READY,
        readyTimeoutMs: 30_000,
      });
      servers.push(server);
      stack.push(() => server.stop());
    }
    const api = new EnsembleApi(`http://127.0.0.1:${servers[0]!.port}/api/v1`);
    return {
      name: ensembleClusterTarget.name,
      wsUrls: servers.map((s) => ensembleWsUrl(s.port)),
      pids: servers.map((s) => s.pid),
      supportPids: [postgres.pid, redis.pid],
      createDocument: (title) => api.createDocument(title),
      stderr: () => servers.map((s, i) => (s.stderr() ? `instance ${i}: ${s.stderr()}` : '')).join(''),
      stop: unwind,
      async kill() {
        // Both instances crash; what they acknowledged must be in PostgreSQL, which stops as a restart would find it.
        await Promise.all(servers.map((s) => s.kill()));
        await unwind();
      },
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
