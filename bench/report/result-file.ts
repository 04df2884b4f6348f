import fs from 'node:fs';
import path from 'node:path';
import type { Durability } from '../targets/target';
import type { GoalCheck } from './goals';
import type { Machine } from './machine';
import type { RunResult } from './problems';

export interface ResultFile {
  startedAt: string;
  machine: Machine;
  options: unknown;
  /** Each target's protocol and how it keeps documents, with the settings it ran with. */
  targets: Record<string, { protocol: string; durability: Durability }>;
  goals: GoalCheck[];
  /**
   * Each run with what was found wrong with it. `disturbances` say other
   * processes shaped the figures (the run was tried `attempts` times and the
   * least disturbed kept); `clientLimits` that the clients were short of CPU;
   * `faults` that the server lost, garbled or complained. Of a setting run
   * in several rounds, the one `reported` in the tables and goals is the
   * median by its headline figure.
   */
  results: (RunResult & {
    round: number;
    reported: boolean;
    attempts: number;
    disturbances: string[];
    clientLimits: string[];
    faults: string[];
  })[];
}

/** `<YYYY-MM-DD>-<HHMM>` in local time, the stem of the run's files. */
export function resultStem(startedAt: string): string {
  const d = new Date(startedAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
}

/** Writes `<dir>/<stem>.json` and, if there is one, the chart as `<dir>/<stem>-fanout.svg`; returns the paths. */
export function writeResultFiles(dir: string, file: ResultFile, chart: string | null): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, resultStem(file.startedAt));
  fs.writeFileSync(`${stem}.json`, `${JSON.stringify(file, null, 2)}\n`);
  if (!chart) return [`${stem}.json`];
  fs.writeFileSync(`${stem}-fanout.svg`, chart);
  return [`${stem}.json`, `${stem}-fanout.svg`];
}
