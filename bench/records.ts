import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/**
 * What benchmark clients write: each edit appends one line,
 * `<client>:<edit>:<process.hrtime.bigint()>`, to the shared `Y.Text`
 * `content`, so a receiver can tell who sent it, which edit it is, and when.
 */
export const TEXT_NAME = 'content';

export interface EditRecord {
  client: number;
  edit: number;
  sentNs: bigint;
}

const RECORD = /^(\d+):(\d+):(\d+)$/;

export function formatRecord(client: number, edit: number, sentNs: bigint): string {
  return `${client}:${edit}:${sentNs}\n`;
}

/**
 * The records an update inserts, read from the update's own bytes: that costs
 * the size of the edit, whereas a text observer's delta walks the whole text.
 * Text that is not a record comes back as `null`.
 */
export function recordsInUpdate(update: Uint8Array): (EditRecord | null)[] {
  const records: (EditRecord | null)[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) records.push(...parseRecords(struct.content.str));
  }
  return records;
}

export function parseRecords(text: string): (EditRecord | null)[] {
  const records: (EditRecord | null)[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = RECORD.exec(line);
    records.push(match ? { client: Number(match[1]), edit: Number(match[2]), sentNs: BigInt(match[3]!) } : null);
  }
  return records;
}

/** Records in a whole text, by the client that made them. */
export function countRecordsByClient(text: string): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const record of parseRecords(text)) if (record) counts[record.client] = (counts[record.client] ?? 0) + 1;
  return counts;
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
