import * as Y from 'yjs';
import { formatRecord, sha1, TEXT_NAME } from './records';

/** Client ids of the two writers: fixed, so that every target stores the same items. */
const WRITERS = [0x5eed_0001, 0x5eed_0002] as const;
/** Stands for the clock reading of a live record, with as many digits: the records are as long. */
const CLOCK = 10n ** 12n;

export interface PremadeDocument {
  /** Each writer's updates in the order they were made, each one record. */
  updates: Uint8Array[];
  length: number;
  sha1: string;
}

/**
 * A document made of `count` small updates, byte for byte the same for every
 * target: two writers take turns, each appending one record after the
 * other's last, as two people typing in turn would. No record then merges
 * with another, so the document holds `count` items wherever it is loaded.
 * Two live clients would interleave by the server's own latency, which
 * would give each target a different document to load.
 */
export function premadeDocument(count: number): PremadeDocument {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let edit = 0; edit < count; edit++) {
    const writer = edit % WRITERS.length;
    doc.clientID = WRITERS[writer]!;
    text.insert(text.length, formatRecord(writer, edit, CLOCK + BigInt(edit)));
  }
  const content = text.toString();
  doc.destroy();
  return { updates, length: content.length, sha1: sha1(content) };
}
