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
  const fields = statFields(pid);
  if (!fields) throw new Error(`process ${pid} has exited`);
  // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 here.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export interface MemorySample {
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** Highest resident set size since the process started, in bytes. */
  peakRssBytes: number;
}

/** Summed over `pids`: the peak is the sum of each process's own peak, which they need not have reached together. */
export function readMemory(pids: readonly number[]): MemorySample {
  const statuses = pids.map((pid) => fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  const sum = (field: string) => statuses.reduce((bytes, status) => bytes + statusKb(status, field) * 1024, 0);
  return { rssBytes: sum('VmRSS'), peakRssBytes: sum('VmHWM') };
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

/** The fields of /proc/<pid>/stat after the command name, or null once the process is gone. */
function statFields(pid: number): string[] | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time so far of a process and its descendants, in seconds: those alive
 * (found by their parent pid in /proc) and those it has reaped (cutime +
 * cstime). PostgreSQL forks a process per connection.
 */
export function readTreeCpuSeconds(root: number): number {
  const byParent = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    byParent.set(parent, [...(byParent.get(parent) ?? []), Number(entry)]);
  }
  let seconds = 0;
  const visit = (pid: number) => {
    const fields = statFields(pid);
    if (!fields) return;
    // utime, stime, cutime, cstime: fields 14 to 17 of the whole line.
    seconds += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
    for (const child of byParent.get(pid) ?? []) visit(child);
  };
  visit(root);
  return seconds;
}

/** CPU time so far of the processes a run involves, and of the whole machine, in seconds. */
export interface CpuReading {
  server: number;
  support: number;
  workers: number[];
  coordinator: number;
  machine: number;
}

export interface CpuUsage {
  server: number;
  /** The server's own services, e.g. PostgreSQL and Redis: counted apart from the server and from everything else. */
  support: number;
  workers: number[];
  /** Everything else on the machine: anything much above zero competed with the run. */
  other: number;
}

/** The processes of a server: its instances, and the services they rely on (none for most targets). */
export interface ServerPids {
  pids: readonly number[];
  supportPids?: readonly number[];
}

/** `server` sums the server's instances; `support` its services, each with its descendants. */
export function readCpu(server: ServerPids, workerPids: number[]): CpuReading {
  return {
    server: server.pids.reduce((seconds, pid) => seconds + readCpuSeconds(pid), 0),
    support: (server.supportPids ?? []).reduce((seconds, pid) => seconds + readTreeCpuSeconds(pid), 0),
    workers: workerPids.map(readCpuSeconds),
    coordinator: readCpuSeconds(process.pid),
    machine: readMachineBusySeconds(),
  };
}

export function cpuUsed(start: CpuReading, end: CpuReading): CpuUsage {
  const server = end.server - start.server;
  const support = end.support - start.support;
  const workers = end.workers.map((s, w) => s - start.workers[w]!);
  const coordinator = end.coordinator - start.coordinator;
  const machine = end.machine - start.machine;
  return { server, support, workers, other: machine - server - support - coordinator - workers.reduce((a, b) => a + b, 0) };
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
