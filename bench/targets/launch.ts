import path from 'node:path';
import { startServerProcess } from './server-process';
import { storageFor } from './storage';
import type { DocumentAccess, RunningTarget } from './target';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface LaunchSpec {
  name: string;
  /** Folder of an earlier run's storage to restart on; a fresh temporary one without it. */
  storageDir: string | undefined;
  /** Flags for `node` itself, e.g. `--cpu-prof`. */
  nodeArgs: string[];
  /** The script, relative to the project's root, and its arguments, given the storage folder. */
  script(storagePath: string): string[];
  env(storagePath: string): Record<string, string>;
  /** Matches the line that says the server accepts connections; its first group is the port. */
  ready: RegExp;
  /** The websocket endpoint; the provider appends the document. */
  wsUrl(port: number): string;
  createDocument(port: number): (title: string) => Promise<DocumentAccess>;
}

/**
 * Starts a server script under `node --import tsx`, the same loader for
 * every target, so none carries a launcher process or a different baseline.
 */
export async function launchTarget(spec: LaunchSpec): Promise<RunningTarget> {
  const storage = storageFor(spec.storageDir, `${spec.name}-bench`);
  const server = await startServerProcess({
    args: [...spec.nodeArgs, '--import', 'tsx', ...spec.script(storage.path)],
    cwd: ROOT,
    env: spec.env(storage.path),
    ready: spec.ready,
    readyTimeoutMs: 30_000,
  }).catch((error: unknown) => {
    storage.release();
    throw error;
  });
  return {
    name: spec.name,
    wsUrls: [spec.wsUrl(server.port)],
    pids: [server.pid],
    createDocument: spec.createDocument(server.port),
    stderr: server.stderr,
    async stop() {
      await server.stop();
      storage.release();
    },
    async kill() {
      await server.kill();
      storage.release();
    },
  };
}
