import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isAlreadyApplied } from './known-update';

/** A writer typing `parts` then deleting its first character, and each of its updates. */
function written(parts: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const part of parts) doc.getText('t').insert(doc.getText('t').length, part);
  doc.getText('t').delete(0, 1);
  return { doc, updates };
}

const known = (doc: Y.Doc, update: Uint8Array) => isAlreadyApplied(doc, Y.decodeUpdate(update));

describe('isAlreadyApplied', () => {
  it('holds for a whole-state answer repeating what the document has, deletions included', () => {
    const { doc, updates } = written(['one ', 'two ', 'three']);
    const server = new Y.Doc();
    for (const update of updates) Y.applyUpdate(server, update);
    expect(known(server, Y.encodeStateAsUpdate(doc))).toBe(true);
    for (const update of updates) expect(known(server, update)).toBe(true);
  });

  it('fails for an item the document lacks, even beside known ones', () => {
    const { doc, updates } = written(['one ', 'two ']);
    const server = new Y.Doc();
    for (const update of updates.slice(0, 1)) Y.applyUpdate(server, update);
    expect(known(server, Y.encodeStateAsUpdate(doc))).toBe(false);
    expect(known(server, updates[1]!)).toBe(false);
  });

  it('fails for a deletion of something the document holds but has not deleted', () => {
    const { updates } = written(['one ', 'two ']);
    const server = new Y.Doc();
    for (const update of updates.slice(0, 2)) Y.applyUpdate(server, update);
    const deletion = updates[2]!;
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(known(server, deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(known(server, deletion)).toBe(true);
  });

  it('fails for a deletion of something the document has never seen', () => {
    const { doc } = written(['one ']);
    const deletionOnly = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
    expect(Y.decodeUpdate(deletionOnly).ds.clients.size).toBe(1);
    expect(known(new Y.Doc(), deletionOnly)).toBe(false);
  });
});
