import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = readClockTicks();

function readClockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    if (Number.isFinite(ticks) && ticks > 0) return ticks;
  } catch {
    // getconf missing: fall through to Linux's usual value.
  }
  return 100;
}

/** User plus system CPU time the process has used so far, in seconds. */
export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 here.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export interface MemorySample {
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** Highest resident set size since the process started, in bytes. */
  peakRssBytes: number;
}

export function readMemory(pid: number): MemorySample {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssBytes: statusKb(status, 'VmRSS') * 1024, peakRssBytes: statusKb(status, 'VmHWM') * 1024 };
}

function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]);
}

/** CPU time every process on the machine has used since boot, all cores together, in seconds. */
export function readMachineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu  user nice system idle iowait irq softirq steal …: all but idle and iowait are work.
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS;
}

/** CPU time so far of the processes a run involves, and of the whole machine, in seconds. */
export interface CpuReading {
  server: number;
  workers: number[];
  coordinator: number;
  machine: number;
}

export interface CpuUsage {
  server: number;
  workers: number[];
  /** Everything else on the machine: anything much above zero competed with the run. */
  other: number;
}

export function readCpu(serverPid: number, workerPids: number[]): CpuReading {
  return {
    server: readCpuSeconds(serverPid),
    workers: workerPids.map(readCpuSeconds),
    coordinator: readCpuSeconds(process.pid),
    machine: readMachineBusySeconds(),
  };
}

export function cpuUsed(start: CpuReading, end: CpuReading): CpuUsage {
  const server = end.server - start.server;
  const workers = end.workers.map((s, w) => s - start.workers[w]!);
  const coordinator = end.coordinator - start.coordinator;
  const machine = end.machine - start.machine;
  return { server, workers, other: machine - server - coordinator - workers.reduce((a, b) => a + b, 0) };
}

/** Runs `read` when the monotonic clock reaches `atNs` (or at once if it has passed). */
export function atMonotonic<T>(atNs: bigint, read: () => T): Promise<T> {
  const delayMs = Math.max(0, Number(atNs - process.hrtime.bigint()) / 1e6);
  const reading = new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(read());
      } catch (error) {
        reject(error);
      }
    }, delayMs),
  );
  // Awaited by the caller; if the run fails first, its outcome no longer matters.
  reading.catch(() => undefined);
  return reading;
}
