import os from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  platform: string;
  release: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    platform: os.platform(),
    release: os.release(),
    node: process.version,
  };
}
