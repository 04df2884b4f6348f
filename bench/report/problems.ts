import type { ColdLoadResult } from '../scenarios/cold-load';
import type { FanOutResult } from '../scenarios/fan-out';
import type { ManyDocumentsResult } from '../scenarios/many-documents';
import type { PersistenceResult } from '../scenarios/persistence';
import type { Deliveries } from '../scenarios/scheduled-run';
import type { Machine } from './machine';

export type RunResult = FanOutResult | ManyDocumentsResult | ColdLoadResult | PersistenceResult;

/** Share of the machine other processes may use during a run before its figures are suspect. */
const OTHER_CPU_TOLERATED = 0.05;
/** /proc/stat counts whole clock ticks on each core: below this, in CPU-s, a reading is rounding. */
const OTHER_CPU_RESOLUTION = 0.1;
/** Clients sending later than this (p99) were too busy to keep the schedule. */
const SEND_LAG_TOLERATED_MS = 10;

/**
 * Signs that another process's load shaped the figures: such a run is worth
 * running again.
 */
export function findDisturbances(result: RunResult, machine: Machine): string[] {
  const capacity = machine.cpus * result.windowSeconds;
  if (result.otherCpuSeconds <= Math.max(OTHER_CPU_TOLERATED * capacity, OTHER_CPU_RESOLUTION)) return [];
  return [
    `other processes used ${result.otherCpuSeconds.toFixed(1)} of the machine's ${capacity.toFixed(0)} CPU-s during the run: ` +
      'the figures include their interference',
  ];
}

/**
 * Signs that the clients, not the server, set the figures: on a small
 * machine, many clients at a high rate keep their processes busy, and a
 * second attempt would not change that.
 */
export function findClientLimits(result: RunResult): string[] {
  if (result.scenario !== 'fan-out' || result.sendLagMs.p99 <= SEND_LAG_TOLERATED_MS) return [];
  return [`the clients sent late (p99 ${result.sendLagMs.p99.toFixed(1)} ms behind schedule): they, not the server, were short of CPU`];
}

/** Signs that the server lost, garbled or diverged, or complained: figures that are not a clean measurement. */
export function findFaults(result: RunResult): string[] {
  const found: string[] = [];
  switch (result.scenario) {
    case 'fan-out':
    case 'many-documents':
      found.push(...deliveryFaults(result.deliveries));
      if (!result.converged) found.push('the clients of a document did not converge to one text');
      break;
    case 'cold-load':
      if (!result.build.received) found.push('a client connected during the build did not hold the document made of the updates sent');
      result.restarts.forEach((restart, i) => {
        if (restart.load.completeMs === null) found.push(`restart ${i + 1}: the new client never had the whole document`);
        else if (!restart.identical) found.push(`restart ${i + 1}: the loaded text differs from the one built`);
      });
      break;
    case 'persistence':
      if (result.duplicates) found.push(`${result.duplicates} edits delivered twice`);
      if (result.malformed) found.push(`${result.malformed} malformed edit records`);
      if (result.disconnects) found.push(`client sockets closed ${result.disconnects} times during the run`);
      if (result.observed !== result.sent) found.push(`${result.sent - result.observed} of ${result.sent} edits never reached their observer`);
      break;
  }
  if (result.server.stderr.trim() !== '') found.push(`the server logged:\n${indent(result.server.stderr.trim())}`);
  return found;
}

function deliveryFaults(deliveries: Deliveries): string[] {
  const found: string[] = [];
  if (deliveries.missing !== 0) found.push(`${deliveries.missing} of ${deliveries.expected} deliveries missing`);
  if (deliveries.duplicates !== 0) found.push(`${deliveries.duplicates} edits delivered twice`);
  if (deliveries.malformed !== 0) found.push(`${deliveries.malformed} malformed or misrouted edit records`);
  if (deliveries.disconnects !== 0) found.push(`client sockets closed ${deliveries.disconnects} times during the run`);
  return found;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}
