import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket';
import * as Y from 'yjs';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
  type ProtocolErrorCode,
} from './protocol';

/** A frame as the stock y-websocket provider builds it: lib0 encoder, y-protocols writers. */
function stockFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Awareness updates as y-protocols encodes them: count, then (client id, clock, JSON state) entries. */
const awarenessPayload = fc
  .array(
    fc.record({
      clientId: fc.nat({ max: 0xffffffff }),
      clock: fc.nat(),
      state: fc.oneof(fc.constant(null), fc.record({ user: fc.record({ name: fc.string({ maxLength: 20 }) }) })),
    }),
    { maxLength: 5 },
  )
  .map((entries) => ({
    entries: entries.map((e) => ({ clientId: e.clientId, clock: e.clock, removed: e.state === null })),
    update: stockFrame((e) => {
      encoding.writeVarUint(e, entries.length);
      for (const entry of entries) {
        encoding.writeVarUint(e, entry.clientId);
        encoding.writeVarUint(e, entry.clock);
        encoding.writeVarString(e, JSON.stringify(entry.state));
      }
    }),
  }));

const stockSyncStep1 = (doc: Y.Doc) =>
  stockFrame((e) => {
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeSyncStep1(e, doc);
  });

function docWithText(text: string, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('content').insert(0, text);
  return doc;
}

function decodeError(frame: Uint8Array): ProtocolError {
  try {
    decodeClientMessage(frame);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw new Error(`expected a ProtocolError, got ${String(error)}`);
  }
  throw new Error(`frame [${[...frame].join(',')}] decoded without error`);
}

const bytes = (...values: number[]) => new Uint8Array(values);
const filled = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('encoders produce the bytes the stock y-websocket provider reads', () => {
  it('sync step 1 matches y-protocols writeSyncStep1', () => {
    const doc = docWithText('state vector of a real document', 1234567);
    const expected = stockSyncStep1(doc);
    expect(encodeSyncStep1(Y.encodeStateVector(doc))).toEqual(expected);
  });

  it('sync step 2 matches y-protocols writeSyncStep2 for a remote state vector', () => {
    const server = docWithText('the server already has this', 42);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    server.getText('content').insert(0, 'and now more: ');
    const remoteStateVector = Y.encodeStateVector(client);
    const expected = stockFrame((e) => {
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeSyncStep2(e, server, remoteStateVector);
    });
    expect(encodeSyncStep2(Y.encodeStateAsUpdate(server, remoteStateVector))).toEqual(expected);
  });

  it('sync update matches y-protocols writeUpdate', () => {
    const doc = docWithText('', 7);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('content').insert(0, 'typed by someone');
    expect(updates).toHaveLength(1);
    const expected = stockFrame((e) => {
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeUpdate(e, updates[0]!);
    });
    expect(encodeSyncUpdate(updates[0]!)).toEqual(expected);
  });

  it('awareness matches the provider framing of encodeAwarenessUpdate', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Aïssata', color: '#aa3355' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();
    const expected = stockFrame((e) => {
      encoding.writeVarUint(e, messageAwareness);
      encoding.writeVarUint8Array(e, update);
    });
    expect(encodeAwareness(update)).toEqual(expected);
  });

  // Computed by hand: type varUint, sync subtype varUint, payload length varUint (7 bits a byte, low first), payload.
  it.each([
    ['sync step 1, empty state vector', () => encodeSyncStep1(bytes()), [0, 0, 0]],
    ['sync step 2, two bytes', () => encodeSyncStep2(bytes(0xaa, 0xbb)), [0, 1, 2, 0xaa, 0xbb]],
    ['sync update, one byte', () => encodeSyncUpdate(bytes(0x7f)), [0, 2, 1, 0x7f]],
    ['awareness, three bytes', () => encodeAwareness(bytes(1, 2, 3)), [1, 3, 1, 2, 3]],
    ['awareness of nobody', () => encodeAwareness(bytes(0)), [1, 1, 0]],
  ])('%s is exactly the hand-computed bytes', (_, encode, expected) => {
    expect([...encode()]).toEqual(expected);
  });

  it.each([
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [16_384, [0x80, 0x80, 0x01]],
  ])('a %i-byte payload gets the length prefix %j', (length, prefix) => {
    const payload = filled(length, length);
    const frame = encodeSyncUpdate(payload);
    expect([...frame.subarray(0, 2 + prefix.length)]).toEqual([0, 2, ...prefix]);
    expect(frame.subarray(2 + prefix.length)).toEqual(payload);
  });

  it('uses the message numbers of y-websocket and y-protocols', () => {
    expect(encodeSyncStep1(bytes())[1]).toBe(syncProtocol.messageYjsSyncStep1);
    expect(encodeSyncStep2(bytes())[1]).toBe(syncProtocol.messageYjsSyncStep2);
    expect(encodeSyncUpdate(bytes())[1]).toBe(syncProtocol.messageYjsUpdate);
    expect(encodeAwareness(bytes())[0]).toBe(messageAwareness);
  });
});

describe('decodeClientMessage', () => {
  it('decodes what the stock provider sends', () => {
    const doc = docWithText('client side', 99);
    const step1 = stockSyncStep1(doc);
    expect(decodeClientMessage(step1)).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });

    const serverStateVector = Y.encodeStateVector(new Y.Doc());
    const step2 = stockFrame((e) => {
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeSyncStep2(e, doc, serverStateVector);
    });
    expect(decodeClientMessage(step2)).toEqual({ type: 'sync-step2', update: Y.encodeStateAsUpdate(doc, serverStateVector) });

    const query = stockFrame((e) => encoding.writeVarUint(e, messageQueryAwareness));
    expect(decodeClientMessage(query)).toEqual({ type: 'query-awareness' });
  });

  it('hands over update bytes that Yjs applies to the same text', () => {
    const doc = docWithText('a sentence from the field office', 5);
    const message = decodeClientMessage(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    expect(message.type).toBe('sync-update');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (message as Extract<ClientMessage, { type: 'sync-update' }>).update);
    expect(copy.getText('content').toString()).toBe('a sentence from the field office');
  });

  it.each([
    ['sync-step1', encodeSyncStep1, 'stateVector'],
    ['sync-step2', encodeSyncStep2, 'update'],
    ['sync-update', encodeSyncUpdate, 'update'],
  ] as const)('round-trips %s for payloads of any length', (type, encode, field) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (payload) => {
        expect(decodeClientMessage(encode(payload))).toEqual({ type, [field]: payload });
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it('round-trips awareness updates and names the client ids, clocks and departures they carry', () => {
    fc.assert(
      fc.property(awarenessPayload, ({ update, entries }) => {
        expect(decodeClientMessage(encodeAwareness(update))).toEqual({ type: 'awareness', update, entries });
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  const rejected: Array<[string, Uint8Array, ProtocolErrorCode]> = [
    ['an empty frame', bytes(), 'empty_frame'],
    ['message type 7', bytes(7), 'unknown_message_type'],
    ['message type 7 with a payload', bytes(7, 1, 0), 'unknown_message_type'],
    ['auth (2) from a client', bytes(messageAuth, 0, 0), 'unknown_message_type'],
    ['a two-byte message type (128)', bytes(0x80, 0x01), 'unknown_message_type'],
    ['sync subtype 3', bytes(0, 3, 0), 'unknown_message_type'],
    ['sync subtype 200', bytes(0, 0xc8, 0x01, 0), 'unknown_message_type'],
    ['a truncated message type varint', bytes(0x80), 'malformed_frame'],
    ['sync without a subtype', bytes(0), 'malformed_frame'],
    ['a truncated sync subtype varint', bytes(0, 0x81), 'malformed_frame'],
    ['sync update without a length', bytes(0, 2), 'malformed_frame'],
    ['a truncated length varint', bytes(0, 2, 0x85), 'malformed_frame'],
    ['a length longer than the payload', bytes(0, 2, 5, 1, 2), 'malformed_frame'],
    ['a huge length prefix (2^32 - 1)', bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3), 'malformed_frame'],
    ['a length past MAX_SAFE_INTEGER', bytes(0, 1, ...new Array<number>(10).fill(0xff), 1), 'malformed_frame'],
    ['awareness without a length', bytes(1), 'malformed_frame'],
    ['awareness shorter than its length', bytes(1, 3, 9), 'malformed_frame'],
    ['query-awareness followed by a byte', bytes(3, 0), 'trailing_bytes'],
    ['sync step 1 followed by bytes', bytes(0, 0, 0, 9, 9), 'trailing_bytes'],
    ['awareness followed by a byte', bytes(1, 1, 0, 6), 'trailing_bytes'],
    ['awareness whose entry is not JSON', encodeAwareness(bytes(1, 7, 1, 1, 0x7b)), 'malformed_frame'],
    ['awareness with bytes after its entries', encodeAwareness(bytes(0, 9)), 'malformed_frame'],
  ];

  it.each(rejected)('rejects %s ([%s]) as %s', (_, frame, code) => {
    expect(decodeError(frame).code).toBe(code);
  });

  it('rejects every truncation of a valid frame as malformed', () => {
    const frame = encodeSyncUpdate(Y.encodeStateAsUpdate(docWithText('x'.repeat(200), 3)));
    for (let length = 1; length < frame.byteLength; length++) {
      expect(decodeError(frame.subarray(0, length)).code, `first ${length} bytes`).toBe('malformed_frame');
    }
  });

  it('says how many bytes trail the message', () => {
    expect(decodeError(bytes(0, 2, 1, 0xaa, 4, 5, 6)).message).toMatch(/^3 bytes/);
  });
});

describe('decodeClientMessage on arbitrary bytes', () => {
  const message = fc.oneof(
    fc.uint8Array({ maxLength: 48 }),
    // Plausible prefixes reach the deeper branches that uniform bytes rarely hit.
    fc
      .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [0, 3], [1], [2], [3], [0x80]), fc.uint8Array({ maxLength: 24 }))
      .map(([prefix, rest]) => Uint8Array.from([...prefix, rest.length, ...rest])),
    fc
      .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1], [3]), fc.uint8Array({ maxLength: 24 }))
      .map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest])),
    awarenessPayload.map(({ update }) => encodeAwareness(update)),
  );

  it('either decodes to a well-formed message or throws a ProtocolError, never anything else', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(message, (frame) => {
        let decoded: ClientMessage;
        try {
          decoded = decodeClientMessage(frame);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
          outcomes.add((error as ProtocolError).code);
          return;
        }
        outcomes.add(decoded.type);
        const payload = 'stateVector' in decoded ? decoded.stateVector : 'update' in decoded ? decoded.update : null;
        if (decoded.type === 'query-awareness') expect(payload).toBeNull();
        else {
          expect(payload).toBeInstanceOf(Uint8Array);
          // The payload is the frame's own tail: nothing invented, nothing left over.
          expect(frame.subarray(frame.byteLength - payload!.byteLength)).toEqual(payload);
        }
        // Re-encoding what was decoded gives a frame that decodes to the same message.
        const reencoded =
          decoded.type === 'sync-step1'
            ? encodeSyncStep1(decoded.stateVector)
            : decoded.type === 'sync-step2'
              ? encodeSyncStep2(decoded.update)
              : decoded.type === 'sync-update'
                ? encodeSyncUpdate(decoded.update)
                : decoded.type === 'awareness'
                  ? encodeAwareness(decoded.update)
                  : bytes(messageQueryAwareness);
        expect(decodeClientMessage(reencoded)).toEqual(decoded);
      }),
      { seed: 7, numRuns: 3000 },
    );
    // The property was exercised on every outcome, not only on the easy ones.
    expect([...outcomes].sort()).toEqual(
      [
        'awareness',
        'empty_frame',
        'malformed_frame',
        'query-awareness',
        'sync-step1',
        'sync-step2',
        'sync-update',
        'trailing_bytes',
        'unknown_message_type',
      ].sort(),
    );
  });
});
