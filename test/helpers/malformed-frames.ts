import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MAX_NESTING_DEPTH } from '../../server/collab/nesting-depth';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../server/collab/protocol';
import { MessageType } from '../../shared/protocol';
import { awarenessEntriesFrame as awareness } from './collab-socket';
import type { Random } from './seeded-random';

/**
 * What the server did with a frame: `4400 <reason>` for a bad frame, another
 * close code as a number, or `open` when it kept the socket (the frame was valid).
 */
export type Outcome = string;

export interface FrameContext {
  /** Largest frame the server accepts (MAX_FRAME_BYTES). */
  maxFrameBytes: number;
  /** Awareness client ids that other people's connections hold. */
  othersAwarenessIds: readonly number[];
}

export interface FrameKind {
  name: string;
  /** Outcomes a correct server may give; `4400` alone allows any reason. */
  outcomes: readonly Outcome[];
  /** Valid content the server keeps: sent to a document of its own, so its memory is told apart. */
  addsContent?: boolean;
  make(random: Random, context: FrameContext): Uint8Array | string;
}

const bytes = (...values: number[]) => Uint8Array.from(values);

function varUint(value: number): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return [...encoding.toUint8Array(encoder)];
}

/** A Y.Doc whose client id comes from `random`, so its updates are reproducible. */
function seededDoc(random: Random): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = random.int(1, 2 ** 31);
  return doc;
}

/** An update such as an editor sends: text typed and deleted, a setting changed. */
function realisticUpdate(random: Random): Uint8Array {
  const doc = seededDoc(random);
  doc.transact(() => {
    const text = doc.getText('content');
    for (let i = random.int(1, 4); i > 0; i--) text.insert(random.int(0, text.length), `réunion ${random.int(0, 999)} 🌾`);
    if (text.length > 4) text.delete(random.int(0, text.length - 3), 2);
    doc.getMap('meta').set(`key${random.int(0, 9)}`, random.int(0, 1000));
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Maps and arrays nested `depth` deep, each a new type, in one update. */
function nestedUpdate(random: Random, depth: number): Uint8Array {
  const doc = seededDoc(random);
  doc.transact(() => {
    let parent: Y.Map<unknown> | Y.Array<unknown> = doc.getArray('nested');
    for (let level = 0; level < depth; level++) {
      const child: Y.Map<unknown> | Y.Array<unknown> = random.chance(0.5) ? new Y.Map() : new Y.Array();
      if (parent instanceof Y.Map) parent.set(`level ${level}`, child);
      else parent.push([child]);
      parent = child;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Two valid updates: maps nested `depth` deep, then one that changes every
 * level at once. Yjs walks up to the root for each changed type, so the
 * second costs depth² steps wherever it is applied.
 */
export function deepNestingThenTouchEveryLevel(depth: number): [create: Uint8Array, touch: Uint8Array] {
  const doc = new Y.Doc();
  const levels: Array<Y.Map<unknown>> = [];
  doc.transact(() => {
    let parent = doc.getMap('nested');
    for (let level = 0; level < depth; level++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      levels.push(child);
      parent = child;
    }
  });
  const create = Y.encodeStateAsUpdate(doc);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    for (const level of levels) level.set('touched', true);
  });
  return [create, Y.encodeStateAsUpdate(doc, before)];
}

const decodes = (update: Uint8Array) => {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
};

/** A strict prefix of `update` that Yjs itself refuses to decode, so the case means what it says. */
function truncated(update: Uint8Array, random: Random): Uint8Array {
  for (let attempt = 0; attempt < 20; attempt++) {
    const cut = update.slice(0, random.int(1, update.length - 1));
    if (!decodes(cut)) return cut;
  }
  // The client count alone, with no client after it.
  return update.slice(0, 1);
}

const asUpdate = (random: Random, update: Uint8Array) =>
  random.chance(0.5) ? encodeSyncUpdate(update) : encodeSyncStep2(update);

const presence = (random: Random) => JSON.stringify({ user: { name: `Visitor ${random.int(0, 99)}`, color: '#3a7' } });
const newAwarenessId = (random: Random) => random.int(2 ** 31, 2 ** 32 - 1);

const BAD = '4400';
const MALFORMED = '4400 malformed_frame';

/** One table drives the generation, the expected outcomes and the report. */
export const FRAME_KINDS: readonly FrameKind[] = [
  {
    name: 'random bytes',
    // Random bytes that happen to form a valid message are kept, as any valid message is.
    outcomes: [BAD, 'open'],
    make: (random) => random.bytes(random.int(1, 512)),
  },
  {
    name: 'truncated varint',
    outcomes: [MALFORMED],
    make: (random) => {
      const prefix = random.pick([[], [MessageType.sync], [MessageType.sync, 2], [MessageType.sync, 0], [MessageType.awareness]]);
      const continuation = Array.from({ length: random.int(1, 9) }, () => 0x80 | random.int(0, 0x7f));
      return bytes(...prefix, ...continuation);
    },
  },
  {
    name: 'unknown message type',
    outcomes: ['4400 unknown_message_type'],
    make: (random) => {
      const tail = [...random.bytes(random.int(0, 64))];
      if (random.chance(0.3)) return bytes(MessageType.sync, ...varUint(random.int(3, 2 ** 20)), ...tail);
      // 2 is y-protocols' auth message, which only servers send.
      return bytes(...varUint(random.pick([MessageType.auth, random.int(4, 127), random.int(128, 2 ** 32)])), ...tail);
    },
  },
  {
    name: 'truncated Yjs update',
    outcomes: [MALFORMED],
    make: (random) => asUpdate(random, truncated(realisticUpdate(random), random)),
  },
  {
    name: 'Yjs update with bytes changed',
    // A changed byte can leave a valid update: a letter of the text, a clock.
    outcomes: [BAD, 'open'],
    make: (random) => {
      const update = realisticUpdate(random);
      for (let i = random.int(1, 4); i > 0; i--) update[random.int(0, update.length - 1)] = random.int(0, 255);
      return asUpdate(random, update);
    },
  },
  {
    name: 'huge length prefix',
    outcomes: [MALFORMED],
    make: (random) => {
      const huge = varUint(random.int(2 ** 20, Number.MAX_SAFE_INTEGER));
      const tail = [...random.bytes(random.int(0, 32))];
      return random.pick([
        // The frame's payload claims more bytes than it has…
        () => bytes(MessageType.sync, random.int(0, 2), ...huge, ...tail),
        () => bytes(MessageType.awareness, ...huge, ...tail),
        // …or the payload is whole and what is inside it does.
        () => encodeSyncUpdate(bytes(...huge, ...tail)),
        () => encodeAwareness(bytes(...huge, ...tail)),
        () => encodeAwareness(bytes(1, ...varUint(random.int(1, 1000)), 1, ...huge, ...tail)),
      ])();
    },
  },
  {
    name: 'oversized frame',
    outcomes: ['1009'],
    make: (random, { maxFrameBytes }) => {
      const frame = new Uint8Array(maxFrameBytes + random.int(1, 4096)).fill(random.int(0, 255));
      frame.set([MessageType.sync, 2]);
      return frame;
    },
  },
  {
    name: 'text frame',
    outcomes: [MALFORMED],
    make: (random) => random.pick(['hello', '{"type":"sync"}', '\u0000\u0001', 'é'.repeat(random.int(1, 300))]),
  },
  {
    name: 'empty frame',
    outcomes: ['4400 empty_frame'],
    make: () => bytes(),
  },
  {
    name: 'trailing bytes after a valid message',
    outcomes: ['4400 trailing_bytes'],
    make: (random) => {
      const valid = random.pick([
        () => bytes(MessageType.queryAwareness),
        () => encodeSyncStep1(Y.encodeStateVector(new Y.Doc())),
        () => encodeSyncUpdate(Y.encodeStateAsUpdate(new Y.Doc())),
      ])();
      return bytes(...valid, ...random.bytes(random.int(1, 64)));
    },
  },
  {
    name: 'state vector that does not decode',
    outcomes: [MALFORMED],
    make: (random) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const vector = random.bytes(random.int(1, 40));
        try {
          Y.decodeStateVector(vector);
        } catch {
          return encodeSyncStep1(vector);
        }
      }
      return encodeSyncStep1(bytes(5, 1));
    },
  },
  {
    name: 'awareness for another person’s client id',
    outcomes: ['4400 awareness_not_owned'],
    make: (random, { othersAwarenessIds }) => {
      const victim = random.pick(othersAwarenessIds);
      const clock = random.int(1_000_000, 2 ** 31);
      const entries: Array<[number, number, string]> = [[victim, clock, random.chance(0.5) ? presence(random) : 'null']];
      if (random.chance(0.5)) entries.unshift([newAwarenessId(random), 1, presence(random)]);
      return awareness(entries);
    },
  },
  {
    name: 'awareness for too many client ids',
    outcomes: ['4400 awareness_not_owned'],
    make: (random) =>
      awareness(Array.from({ length: random.int(9, 40) }, () => [newAwarenessId(random), 1, presence(random)])),
  },
  {
    name: 'awareness with invalid JSON',
    outcomes: [MALFORMED],
    make: (random) =>
      awareness([[newAwarenessId(random), 1, random.pick(['{"user":', 'undefined', '{', '"unterminated', '[1,2'])]]),
  },
  {
    name: 'deeply nested types, truncated',
    outcomes: [MALFORMED],
    make: (random) => asUpdate(random, truncated(nestedUpdate(random, random.int(100, 3000)), random)),
  },
  {
    name: 'nested types within the depth limit',
    // Maps and arrays nested up to the limit are ordinary content: kept and stored.
    outcomes: ['open'],
    addsContent: true,
    make: (random) => asUpdate(random, nestedUpdate(random, random.int(10, MAX_NESTING_DEPTH))),
  },
  {
    name: 'nested types past the depth limit',
    outcomes: ['4400 nesting_too_deep'],
    make: (random) => asUpdate(random, nestedUpdate(random, random.int(MAX_NESTING_DEPTH + 1, 3000))),
  },
];

/** Whether `outcome` is one that `kind` allows. */
export function allowed(kind: FrameKind, outcome: Outcome): boolean {
  return kind.outcomes.some((o) => o === outcome || outcome.startsWith(`${o} `));
}
