import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';
import { perFile } from './per-file';

export interface TestPostgres {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  /** The postmaster, parent of the server's other processes. */
  pid: number;
  /** A new, empty database on this server; its URL. */
  createDatabase(): Promise<string>;
  stop(): void;
}

/** initdb and pg_ctl: on the PATH, or where Debian's postgresql packages put them (newest version). */
function binary(name: string): string {
  const onPath = spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} was not found: install the postgresql package (.ci/run does)`);
}

/** initdb refuses to run as root: as root, the server runs as the `postgres` account the package creates. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command: string, args: string[]): void {
  const [file, argv] = asServerUser(command, args);
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

let databases = 0;

export interface PostgresOptions {
  /**
   * Folder to keep the cluster in, created if missing and left in place on
   * `stop`, so a later start finds the same data (the benchmark restarts on
   * it). Without it, a temporary folder removed on `stop`.
   */
  dir?: string;
  /** fsync on, as in production (the benchmark); off by default, since the tests kill Ensemble's processes, never the machine. */
  durable?: boolean;
}

/**
 * A PostgreSQL server of its own on a random loopback port, its data in a
 * temporary folder; no system service is used. Throws, so the tests that
 * need it fail, when it cannot start. `stop` (and, failing that, the test
 * process's exit) stops it and removes its folder.
 */
export async function startPostgres({ dir: keptDir, durable = false }: PostgresOptions = {}): Promise<TestPostgres> {
  if (keptDir) fs.mkdirSync(keptDir, { recursive: true });
  const dir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-pg-'));
  const dataDir = path.join(dir, 'data');
  const initialised = fs.existsSync(dataDir);
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  const pgCtl = binary('pg_ctl');
  let running = false;
  const stop = () => {
    process.off('exit', stop);
    if (running) {
      running = false;
      try {
        run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      } catch {
        // Already gone.
      }
    }
    if (!keptDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    if (!initialised) run(binary('initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const sync = durable ? '' : ' -c fsync=off -c full_page_writes=off';
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${sync} -c max_connections=200`;
    running = true;
    run(pgCtl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options]);
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    stop();
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    pid: Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]),
    async createDatabase() {
      const name = `ensemble_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}

/** A PostgreSQL server for every test of a file. */
export function postgresForFile(): () => TestPostgres {
  return perFile('PostgreSQL', startPostgres, 120_000);
}
