import type { ChildProcess } from 'node:child_process';

/**
 * Everything the benchmark leaves behind while it runs — processes, temporary
 * folders — so that none outlives it, whether it finishes, throws, or is
 * interrupted.
 */
const children = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Registers a synchronous clean-up for exit; call the returned function once it is done anyway. */
export function atExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Kills every tracked process, then runs the clean-ups. */
export function cleanUpNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Exiting anyway: one failed clean-up must not stop the others.
    }
  }
  cleanups.clear();
}

/** Resolves once the process has exited; kills it with SIGKILL if `signal` is not enough within `graceMs`. */
export async function terminate(child: ChildProcess, graceMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

process.once('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}
