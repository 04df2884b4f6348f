import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { perFile } from './per-file';

export interface TestRedis {
  url: string;
  /** The redis-server process. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * A redis-server of its own on a random loopback port, keeping nothing on
 * disk, in a temporary folder; no system service is used. Throws, so the
 * tests that need it fail, when it cannot start.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = spawnSync('which', ['redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!binary) throw new Error('redis-server was not found: install the redis-server package (.ci/run does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    process.off('exit', kill);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', kill);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready: ${output}`));
    });
  }).catch((error: unknown) => {
    kill();
    throw error;
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      kill();
      await exited;
    },
  };
}

/** A redis-server for every test of a file. */
export function redisForFile(): () => TestRedis {
  return perFile('Redis', startRedis, 60_000);
}
