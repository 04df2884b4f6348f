import * as Y from 'yjs';

/**
 * Yjs converges only on items its own encoder could have written: each new
 * item lies right of its origin and left of its right origin, the neighbours
 * it was typed between. A changed byte — a bug, a bad disk, an attacker — can
 * break that and still decode; such an item lands in different places on
 * replicas that hold the document split or ordered differently, so the
 * server, the editors and the next reader silently stop agreeing. The server
 * applies an update only once it has checked that it fits.
 */

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Why an update was refused; `missing_dependencies` is the one an honest client can cause, by racing its own resync. */
export interface IntegrityProblem {
  kind: 'missing_dependencies' | 'misplaced_item' | 'does_not_apply' | 'empty_deletion';
  message: string;
}

const problem = (kind: IntegrityProblem['kind'], message: string): IntegrityProblem => ({ kind, message });

export const MISSING_DEPENDENCIES = problem('missing_dependencies', 'update builds on changes the server does not have');

/** How far apart an item's neighbours may be before the cheap check gives way to a trial. */
const MAX_NEIGHBOUR_WALK = 64;

/** Why `update` must not be applied to `doc`, or null when it fits. */
export function updateIntegrityProblem(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate): IntegrityProblem | null {
  for (const ranges of decoded.ds.clients.values()) {
    if (ranges.some((range) => range.len <= 0)) return problem('empty_deletion', 'a deletion range is empty');
  }
  const quick = quickVerdict(doc, decoded);
  return quick === 'fits' ? null : trialProblem(doc, update);
}

/**
 * Decides without applying anything for the updates editors send while typing:
 * every reference known, neighbours both already in the document and in order.
 */
function quickVerdict(doc: Y.Doc, { structs, ds }: DecodedUpdate): 'fits' | 'needs trial' {
  if (doc.store.pendingStructs || doc.store.pendingDs) return 'needs trial';
  const known = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);
  for (const [client, ranges] of ds.clients) {
    if (ranges.some((range) => range.clock + range.len > Y.getState(doc.store, client))) return 'needs trial';
  }
  const seen = new Set<number>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) return 'needs trial';
    // A client's first item must continue what the document has of it, else it waits for the gap.
    if (!seen.has(struct.id.client) && struct.id.clock > Y.getState(doc.store, struct.id.client)) return 'needs trial';
    seen.add(struct.id.client);
    const { origin, rightOrigin, parent } = struct;
    if (parent instanceof Y.ID) return 'needs trial';
    if (origin && !known(origin)) return 'needs trial';
    if (rightOrigin && !known(rightOrigin)) return 'needs trial';
    if (origin && rightOrigin && !inOrder(doc, origin, rightOrigin)) return 'needs trial';
  }
  return 'fits';
}

/** Whether `right` follows `left` closely in the same list of `doc`. */
function inOrder(doc: Y.Doc, left: Y.ID, right: Y.ID): boolean {
  const start = Y.getItem(doc.store, left);
  const end = Y.getItem(doc.store, right);
  if (!(start instanceof Y.Item) || !(end instanceof Y.Item)) return false;
  if (start === end) return left.clock < right.clock;
  let item: Y.Item | null = start.right;
  for (let steps = 0; item && steps < MAX_NEIGHBOUR_WALK; steps++, item = item.right) {
    if (item === end) return true;
  }
  return false;
}

/**
 * Applies the update to a copy of the document and checks every item it
 * integrated. A copy rebuilt from the encoding places items exactly as the
 * document does, because the document only ever holds items that fit.
 */
function trialProblem(doc: Y.Doc, update: Uint8Array): IntegrityProblem | null {
  const trial = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    let integrated: StateChange | null = null;
    trial.on('afterTransaction', (transaction: Y.Transaction) => {
      integrated = { before: transaction.beforeState, after: transaction.afterState };
    });
    try {
      Y.applyUpdate(trial, update);
    } catch {
      return problem('does_not_apply', 'update does not apply');
    }
    if (trial.store.pendingStructs || trial.store.pendingDs) {
      return MISSING_DEPENDENCIES;
    }
    if (integrated && !newItemsFit(trial, integrated)) return problem('misplaced_item', 'update places an item outside its neighbours');
    return null;
  } finally {
    trial.destroy();
  }
}

interface StateChange {
  before: Map<number, number>;
  after: Map<number, number>;
}

function newItemsFit(doc: Y.Doc, { before, after }: StateChange): boolean {
  for (const [client, end] of after) {
    const start = before.get(client) ?? 0;
    if (end <= start) continue;
    const structs = doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, start); i < structs.length && structs[i]!.id.clock < end; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item)) continue;
      if (item.origin && !reaches(item, item.origin, 'left')) return false;
      if (item.rightOrigin && !reaches(item, item.rightOrigin, 'right')) return false;
    }
  }
  return true;
}

/** Whether walking from `item` towards `side` meets the item holding `id`. */
function reaches(item: Y.Item, id: Y.ID, side: 'left' | 'right'): boolean {
  for (let other = item[side]; other; other = other[side]) {
    if (other.id.client === id.client && other.id.clock <= id.clock && id.clock < other.id.clock + other.length) return true;
  }
  return false;
}
