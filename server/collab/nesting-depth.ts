import * as Y from 'yjs';

/**
 * How deep shared types may nest. Yjs walks from every changed type up to its
 * root on each change, so depth multiplies the cost of an update: a few
 * hundred kilobytes nested thousands deep freeze the server for seconds. The
 * editor's deepest real content (lists in lists) stays far below this.
 */
export const MAX_NESTING_DEPTH = 128;

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * The deepest nesting of any shared type an update creates, counting the
 * types already in `doc` above it; null when a new type's ancestry cannot be
 * traced yet (it hangs from content neither the update nor the document
 * has): it is measured again once what it builds on is there, since such a
 * chain could be sent deepest-first.
 */
export function deepestNewType(doc: Y.Doc, structs: Struct[]): number | null {
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const types = items.filter((item) => item.content instanceof Y.ContentType);
  if (types.length === 0) return 0;

  // Decoded structs come sorted by clock within each client.
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client) ?? [];
    list.push(item);
    byClient.set(item.id.client, list);
  }
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const list = byClient.get(id.client) ?? [];
    let [low, high] = [0, list.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle]!;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  };
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  /** The item of the update, or else of the document, that holds `id`. */
  const find = (id: Y.ID): { fromUpdate: Y.Item } | { fromDoc: Y.Item } | null => {
    const fromUpdate = inUpdate(id);
    if (fromUpdate) return { fromUpdate };
    if ((known.get(id.client) ?? 0) <= id.clock) return null;
    const inDoc = Y.getItem(doc.store, id);
    return inDoc instanceof Y.Item ? { fromDoc: inDoc } : null;
  };

  const depthOfItem = new Map<Y.Item, number>();
  let untraced = false;
  /** Depth of the type an update item lives in (0 for a root type); `level` counts the types below it. */
  const containerDepth = (start: Y.Item, level = 0): number => {
    if (level > MAX_NESTING_DEPTH) return Infinity;
    // Parents are inferred from neighbours when not written: follow them iteratively, never recursively.
    const chain: Y.Item[] = [];
    let item: Y.Item = start;
    let depth = Infinity;
    for (let steps = 0; steps <= items.length + 1; steps++) {
      const cached = depthOfItem.get(item);
      if (cached !== undefined) {
        depth = cached;
        break;
      }
      chain.push(item);
      const parent = item.parent as unknown;
      if (typeof parent === 'string') {
        depth = 0;
        break;
      }
      const next = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
      const found = next ? find(next) : null;
      if (!found) {
        untraced = true;
        break;
      }
      if ('fromDoc' in found) {
        depth = parent instanceof Y.ID ? typeDepthInDoc(found.fromDoc) : containerDepthInDoc(found.fromDoc);
        break;
      }
      if (parent instanceof Y.ID) {
        // The parent is a type created by this same update: one level below its own container.
        depth = containerDepth(found.fromUpdate, level + 1) + 1;
        break;
      }
      item = found.fromUpdate;
    }
    for (const link of chain) depthOfItem.set(link, depth);
    return depth;
  };

  let deepest = 0;
  for (const type of types) deepest = Math.max(deepest, containerDepth(type) + 1);
  return untraced ? null : deepest;
}

/** Depth of the type an existing item lives in, counted up to a root. */
function containerDepthInDoc(item: Y.Item): number {
  let depth = 0;
  for (let parent = item.parent as Y.AbstractType<unknown> | null; parent?._item; parent = parent._item.parent as Y.AbstractType<unknown> | null) {
    depth += 1;
    if (depth > MAX_NESTING_DEPTH) return depth;
  }
  return depth;
}

/** Depth of the type an existing item holds. */
function typeDepthInDoc(item: Y.Item): number {
  return containerDepthInDoc(item) + 1;
}
