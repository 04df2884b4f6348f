import { spawn } from 'node:child_process';
import { terminate, track } from '../lifetime';

export interface ServerProcessOptions {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Matches the line that says the server accepts connections; its first group is the port. */
  ready: RegExp;
  readyTimeoutMs: number;
}

export interface ServerProcess {
  pid: number;
  port: number;
  /** The last few kilobytes the process wrote to stderr, for error messages. */
  stderr(): string;
  /** SIGTERM, then SIGKILL if the server has not exited after a grace period. */
  stop(): Promise<void>;
  /** SIGKILL at once. */
  kill(): Promise<void>;
}

const STDERR_KEPT_BYTES = 8 * 1024;
const STOP_GRACE_MS = 10_000;

/**
 * Starts a server as a direct child of `node` (no launcher in between), so
 * the pid is the process that does the work, and waits for its ready line.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = track(
    spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT_BYTES);
  });
  const stop = () => terminate(child, STOP_GRACE_MS);
  const kill = () => terminate(child, 0, 'SIGKILL');

  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`server did not start within ${options.readyTimeoutMs} ms: ${stderr}`)),
        options.readyTimeoutMs,
      );
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = options.ready.exec(out);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before it was ready: ${stderr}`));
      });
    });
    // Keep reading so a chatty server never blocks on a full pipe.
    child.stdout!.resume();
    return { pid: child.pid!, port, stderr: () => stderr, stop, kill };
  } catch (error) {
    await stop();
    throw error;
  }
}
