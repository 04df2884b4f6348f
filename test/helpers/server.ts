import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { DocumentResponse } from '../../shared/api';
import { createProject, signUp, type TestUser } from './accounts';
import { loadConfig } from '../../server/config';
import { type RunningServer, type ServerOverrides, startServer } from '../../server/server';
import { tempDir } from './temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
  url: string;
  /** ws://… base for `new WebsocketProvider(wsUrl, documentId, doc)`. */
  wsUrl: string;
  dataDir: string;
  /** The session cookie of the person who created the documents, once `createDocument` ran. */
  cookie: string | undefined;
  /** The owner of the test project, signed up on first use. */
  owner(): Promise<TestUser>;
  /** Signs up another person. */
  signUp(input?: Parameters<typeof signUp>[1]): Promise<TestUser>;
  /** The owner's test project, created on first use. */
  project(): Promise<string>;
  /** A document in the owner's test project. */
  createDocument(title?: string): Promise<string>;
}

function describeServer(url: string, dataDir: string): TestServer {
  let owner: Promise<TestUser> | undefined;
  let project: Promise<string> | undefined;
  const server: TestServer = {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/collab`,
    dataDir,
    cookie: undefined,
    owner() {
      owner ??= signUp(url, { name: 'Owner' }).then((user) => {
        server.cookie = user.cookie;
        return user;
      });
      return owner;
    },
    signUp: (input) => signUp(url, input),
    project() {
      project ??= server.owner().then((user) => createProject(user));
      return project;
    },
    async createDocument(title = 'Test document') {
      const user = await server.owner();
      const res = await user.api('POST', `/projects/${await server.project()}/documents`, { title });
      if (res.status !== 201) throw new Error(`creating a document answered ${res.status}`);
      return ((await res.json()) as DocumentResponse).document.id;
    },
  };
  return server;
}

const QUIET = { LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' };

async function startInProcess(env: Record<string, string>, overrides: ServerOverrides, dataDir: string) {
  const server = await startServer(loadConfig({ ...QUIET, UNLOAD_GRACE_MS: '200', ...env, DATA_DIR: dataDir }), overrides);
  return Object.assign(describeServer(server.url, dataDir), { server });
}

/**
 * The real server, in this process, on a random loopback port with a SQLite
 * file in a temporary folder; stopped when the current test ends.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<TestServer & { server: RunningServer }> {
  const started = await startInProcess(env, overrides, env.DATA_DIR ?? tempDir());
  onTestFinished(() => started.server.close());
  return started;
}

/**
 * The same server shared by every test of a file. `beforeAll` runs outside
 * any test, so the caller stops it: `beforeAll(async () => { s = await
 * startSharedTestServer(); return () => s.server.close(); })`.
 */
export function startSharedTestServer(
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<TestServer & { server: RunningServer }> {
  return startInProcess(env, overrides, env.DATA_DIR ?? tempDir.persistent());
}

export interface ServerProcess extends TestServer {
  child: ChildProcess;
  /** Everything the process wrote to stderr (its logs). */
  stderr(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * The real server as its own process (`node --import tsx server/index.ts`: the
 * pid is the server itself, so a SIGKILL really kills it), for tests that
 * must kill it. Killed when the current test ends if still running.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...QUIET, LOG_LEVEL: 'warn', ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  return Object.assign(describeServer(url, dataDir), { child, stderr: () => stderr, exited });
}
