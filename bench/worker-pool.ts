import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { terminate, track } from './lifetime';
import type { CallName, WorkerCalls, WorkerReply, WorkerRequest } from './worker-protocol';

const WORKER_SCRIPT = path.join(import.meta.dirname, 'client-worker.ts');
const READY_TIMEOUT_MS = 30_000;
const EXIT_GRACE_MS = 5_000;

/** One forked client-worker process, called like a remote object. */
export class ClientWorker {
  #nextId = 1;
  #pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  #exitError: Error | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(`client worker ${child.pid}: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      this.#exitError = new Error(`client worker ${child.pid} exited (${code ?? signal})`);
      for (const pending of this.#pending.values()) pending.reject(this.#exitError);
      this.#pending.clear();
    });
  }

  /** Forks a worker (through tsx's loader, in its own process) and waits until it listens. */
  static async start(): Promise<ClientWorker> {
    const child = track(
      fork(WORKER_SCRIPT, [], {
        // A larger young generation: clients allocate a Yjs transaction per delivery, and scavenges were a tenth of their CPU.
        execArgv: ['--import', 'tsx', '--max-semi-space-size=32'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('client worker did not start in time')), READY_TIMEOUT_MS);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`client worker exited (${code}) before it was ready`));
      });
    });
    return new ClientWorker(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  call<K extends CallName>(call: K, args: WorkerCalls[K]['args'], timeoutMs: number): Promise<WorkerCalls[K]['result']> {
    if (this.#exitError) return Promise.reject(this.#exitError);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`client worker ${this.pid} did not answer "${call}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as WorkerCalls[K]['result']);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, call, args } as WorkerRequest);
    });
  }

  /** Asks the worker to close its clients and exit; kills it if it does not. */
  async stop(): Promise<void> {
    await this.call('close', {}, EXIT_GRACE_MS).catch(() => undefined);
    await terminate(this.child, EXIT_GRACE_MS);
  }
}

/** Starts `count` workers side by side; if one fails, the others are stopped. */
export async function startWorkerPool(count: number): Promise<ClientWorker[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => ClientWorker.start()));
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(workers.map((w) => w.stop()));
    throw failed.reason;
  }
  return workers;
}

/** Runs `use` with `count` fresh workers, and stops them after, whatever happens. */
export async function withWorkerPool<T>(count: number, use: (workers: ClientWorker[]) => Promise<T>): Promise<T> {
  const workers = await startWorkerPool(count);
  try {
    return await use(workers);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
