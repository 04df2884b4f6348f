import { setTimeout as sleep } from 'node:timers/promises';
import { readCpuSeconds, readMachineBusySeconds } from './process-stats';

/** Share of the machine other processes may use in the second before a run starts. */
const QUIET_SHARE = 0.1;
const SAMPLE_MS = 1000;

/**
 * Waits, for at most `maxWaitMs`, for one second in which the rest of the
 * machine (this process excluded) was nearly idle, so that a run does not
 * start in the middle of someone else's build. Answers the time waited, in ms.
 */
export async function waitForQuiet(cpus: number, maxWaitMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const machine = readMachineBusySeconds();
    const own = readCpuSeconds(process.pid);
    await sleep(SAMPLE_MS);
    const others = readMachineBusySeconds() - machine - (readCpuSeconds(process.pid) - own);
    const waited = performance.now() - started;
    if (others < QUIET_SHARE * cpus * (SAMPLE_MS / 1000) || waited >= maxWaitMs) return waited;
  }
}
