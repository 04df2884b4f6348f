import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoredState } from './stored-state';

/** A document written in `parts`, one update each, and those updates. */
function written(parts: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const part of parts) doc.getText('t').insert(doc.getText('t').length, part);
  return { doc, updates };
}

const nothing = Y.encodeStateVector(new Y.Doc());

function textAfter(reply: Uint8Array, start: Y.Doc = new Y.Doc()): string {
  Y.applyUpdate(start, reply);
  return start.getText('t').toString();
}

describe('StoredState', () => {
  it('answers a client that has nothing with the stored snapshot itself', () => {
    const { doc } = written(['one ', 'two']);
    const snapshot = Y.encodeStateAsUpdate(doc);
    expect(new StoredState([snapshot]).replyTo(nothing, false)).toBe(snapshot);
  });

  it('merges a snapshot and its tail into one update holding both', () => {
    const { doc, updates } = written(['one ', 'two ', 'three']);
    // As compaction writes it: the state of a document holding the first update.
    const compacted = new Y.Doc();
    Y.applyUpdate(compacted, updates[0]!);
    const snapshot = Y.encodeStateAsUpdate(compacted);
    const reply = new StoredState([snapshot, ...updates.slice(1)]).replyTo(nothing, false)!;
    expect(textAfter(reply)).toBe(doc.getText('t').toString());
  });

  it('sends a client with part of the document only what it lacks, before and after the document is decoded', () => {
    const { updates } = written(['one ', 'two ', 'three']);
    const client = new Y.Doc();
    Y.applyUpdate(client, updates[0]!);
    const state = new StoredState(updates);
    const reply = state.replyTo(Y.encodeStateVector(client), false)!;
    expect(reply.byteLength).toBeLessThan(Y.mergeUpdates(updates).byteLength);
    expect(textAfter(reply, client)).toBe('one two three');
    // Once decoded, the document answers it more cheaply than re-reading every stored byte.
    expect(state.replyTo(Y.encodeStateVector(client), true)).toBeNull();
    expect(state.replyTo(nothing, true)).not.toBeNull();
  });

  it('answers nothing once forgotten, and throws on a state vector that does not decode', () => {
    const state = new StoredState(written(['one']).updates);
    expect(() => state.replyTo(new Uint8Array([0xff]), false)).toThrow();
    state.forget();
    expect(state.replyTo(nothing, false)).toBeNull();
  });

  it('gives up, rather than send bytes, when the stored rows do not merge', () => {
    const { updates } = written(['one ', 'two']);
    expect(new StoredState([updates[0]!, new Uint8Array([1, 2, 3])]).replyTo(nothing, false)).toBeNull();
  });

  it('answers an empty document with an empty update', () => {
    expect(textAfter(new StoredState([]).replyTo(nothing, false)!)).toBe('');
  });
});
