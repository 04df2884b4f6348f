import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepestNewType, MAX_NESTING_DEPTH } from './nesting-depth';

/** Maps nested `depth` deep under the root map `nested`, in one transaction. */
function nest(doc: Y.Doc, depth: number, from: Y.Map<unknown> = doc.getMap('nested')): Y.Map<unknown> {
  let parent = from;
  doc.transact(() => {
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      parent = child;
    }
  });
  return parent;
}

/** What the server sees: the update a client sends, decoded, against the server's own copy. */
function depthOf(server: Y.Doc, client: Y.Doc): number | null {
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  return deepestNewType(server, Y.decodeUpdate(update).structs);
}

describe('deepestNewType', () => {
  it('is 0 for text edits, which create no type', () => {
    const client = new Y.Doc();
    client.getText('content').insert(0, 'field notes');
    expect(depthOf(new Y.Doc(), client)).toBe(0);
  });

  it('counts types nested within one update', () => {
    const client = new Y.Doc();
    nest(client, 5);
    expect(depthOf(new Y.Doc(), client)).toBe(5);
  });

  it('counts the levels the document already has above a new type', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const deepest = nest(client, 7);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    deepest.set('one more', new Y.Map());
    expect(depthOf(server, client)).toBe(8);
  });

  it('follows siblings when an item’s parent is only implied by its neighbours', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const list = client.getArray<Y.Array<unknown>>('list');
    list.push([new Y.Array()]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const inner = list.get(0);
    inner.push(['text']);
    inner.push([new Y.Array()]);
    expect(depthOf(server, client)).toBe(2);
  });

  it('counts editor content (paragraphs in list items in lists) as it nests', () => {
    const client = new Y.Doc();
    const fragment = client.getXmlFragment('default');
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < 10; i++) {
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      parent.insert(0, [list]);
      list.insert(0, [item]);
      parent = item;
    }
    parent.insert(0, [new Y.XmlElement('paragraph')]);
    expect(depthOf(new Y.Doc(), client)).toBe(21);
  });

  it('is past the limit for 20,000 levels, quickly and without deep recursion', () => {
    const client = new Y.Doc();
    nest(client, 20_000);
    const started = performance.now();
    expect(depthOf(new Y.Doc(), client)).toBeGreaterThan(MAX_NESTING_DEPTH);
    // Generous: the point is that it does not walk 20,000 levels per type.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('cannot be traced yet when a type hangs from content nobody has', () => {
    const client = new Y.Doc();
    const outer = nest(client, 3);
    const before = Y.encodeStateVector(client);
    nest(client, 3, outer);
    // Only the inner levels, without the outer ones they hang from.
    const inner = Y.encodeStateAsUpdate(client, before);
    expect(deepestNewType(new Y.Doc(), Y.decodeUpdate(inner).structs)).toBeNull();
  });
});
