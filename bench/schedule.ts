/**
 * Which client makes which edit, and when: edit `i` is due `i / rate` seconds
 * after the start, made by client `i mod clients`. Every due time is computed
 * from the start rather than from the previous edit, so lateness never adds
 * up, and every target sees exactly the same sequence.
 *
 * Clients come in groups of `groupSize`, one document per group: client `c`
 * edits document `⌊c / groupSize⌋` and receives the edits of its group only.
 * Fan-out is one group of every client; "many documents" is groups of two.
 *
 * Times are `process.hrtime.bigint()` values (CLOCK_MONOTONIC, in ns), which
 * every process on the machine reads from the same clock.
 */
export interface Schedule {
  startNs: bigint;
  /** Edits per second, all clients together. */
  rate: number;
  clients: number;
  /** Clients per document. */
  groupSize: number;
  /** Edits in the whole run, warm-up included. */
  totalEdits: number;
  /** Edits before this index are warm-up: delivered and checked, but not timed. */
  firstMeasuredEdit: number;
}

export function clientOf(schedule: Schedule, edit: number): number {
  return edit % schedule.clients;
}

export function groupOf(schedule: Pick<Schedule, 'groupSize'>, client: number): number {
  return Math.floor(client / schedule.groupSize);
}

export function dueNs(schedule: Schedule, edit: number): bigint {
  return schedule.startNs + BigInt(Math.round((edit * 1e9) / schedule.rate));
}

/** How many edits one client makes. */
export function editCount(schedule: Schedule, client: number): number {
  return client < schedule.totalEdits ? Math.floor((schedule.totalEdits - 1 - client) / schedule.clients) + 1 : 0;
}

/** Remote edits a client must receive: those of the other clients of its group. */
export function expectedDeliveries(schedule: Schedule, client: number): number {
  const first = groupOf(schedule, client) * schedule.groupSize;
  const last = Math.min(first + schedule.groupSize, schedule.clients);
  let expected = 0;
  for (let other = first; other < last; other++) if (other !== client) expected += editCount(schedule, other);
  return expected;
}
