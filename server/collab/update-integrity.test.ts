import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { misplacedInsertion } from '../../test/helpers/collab-socket';
import { seededRandom, testSeed } from '../../test/helpers/seeded-random';
import { boundary, span } from '../../test/helpers/text';
import { updateIntegrityProblem } from './update-integrity';

/** A server copy that applies only the updates the check lets through, and relays them as the server does. */
function checkedServer() {
  const doc = new Y.Doc();
  const relayed: Uint8Array[] = [];
  const refused: string[] = [];
  doc.on('update', (update: Uint8Array) => relayed.push(update));
  return {
    doc,
    relayed,
    refused,
    receive(update: Uint8Array) {
      const problem = updateIntegrityProblem(doc, update, Y.decodeUpdate(update));
      if (problem) refused.push(problem.kind);
      else Y.applyUpdate(doc, update);
      return problem;
    },
  };
}

/** The characters of a formatted text, which positions count: its `toString` wraps them in tags. */
function characters(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

function textDoc(clientId: number, text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('content').insert(0, text);
  return doc;
}

describe('update integrity', () => {
  it('refuses an item whose right neighbour lies left of its left one', () => {
    const server = checkedServer();
    const { honest, forged } = misplacedInsertion();
    expect(server.receive(forged)?.kind).toBe('misplaced_item');
    expect(server.doc.getText('content').toString()).toBe('');
    expect(server.receive(honest)).toBeNull();
    expect(server.doc.getText('content').toString()).toBe('abcdexf');
  });

  it('tells an update built on changes the server lacks from a bad one, and takes it once they came', () => {
    const server = checkedServer();
    const author = textDoc(1, 'abc');
    server.receive(Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(author);
    author.getText('content').insert(3, 'def');
    const missing = Y.encodeStateAsUpdate(author, before);
    const editor = new Y.Doc();
    editor.clientID = 3;
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(author));
    const editorBefore = Y.encodeStateVector(editor);
    editor.getText('content').insert(6, '!');

    expect(server.receive(Y.encodeStateAsUpdate(editor, editorBefore))?.kind).toBe('missing_dependencies');
    expect(server.doc.getText('content').toString()).toBe('abc');
    // What a reconnection's handshake sends: everything the server lacks.
    expect(server.receive(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server.doc)))).toBeNull();
    expect(server.receive(missing)).toBeNull();
    expect(server.doc.getText('content').toString()).toBe('abcdef!');
  });

  it('refuses an empty deletion range', () => {
    const server = checkedServer();
    server.receive(Y.encodeStateAsUpdate(textDoc(1, 'abc')));
    // Header: no structs; delete set: one client (1), one range at clock 1 of length 1, made 0.
    const update = Uint8Array.from([0, 1, 1, 1, 1, 0]);
    expect(server.receive(update)?.kind).toBe('empty_deletion');
  });

  it('lets through everything honest editors do, offline and concurrently, and all copies agree', () => {
    type Step =
      | { kind: 'type'; client: number; at: number; text: string }
      | { kind: 'erase'; client: number; at: number; length: number }
      | { kind: 'paragraphs'; client: number; at: number; count: number }
      | { kind: 'bold'; client: number; at: number; length: number }
      | { kind: 'set'; client: number; key: string; value: number }
      | { kind: 'toggle'; client: number }
      | { kind: 'deliver'; client: number };
    const clientCount = 3;
    const client = fc.nat({ max: clientCount - 1 });
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), client, at: fc.nat(), text: fc.constantFrom('a', 'é', '🌾', 'leçon ', 'ñ\n') }),
      fc.record({ kind: fc.constant('erase' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('paragraphs' as const), client, at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('bold' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('set' as const), client, key: fc.constantFrom('status', 'kind'), value: fc.nat(9) }),
      fc.record({ kind: fc.constant('toggle' as const), client }),
      fc.record({ kind: fc.constant('deliver' as const), client }),
    );

    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const server = checkedServer();
        const clients = Array.from({ length: clientCount }, (_, i) => {
          const doc = new Y.Doc();
          doc.clientID = 100 + i;
          const outbox: Uint8Array[] = [];
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin !== 'server') outbox.push(update);
          });
          return { doc, outbox, online: true, inbox: 0 };
        });
        const flush = (c: (typeof clients)[number]) => {
          for (const update of c.outbox.splice(0)) server.receive(update);
          for (; c.inbox < server.relayed.length; c.inbox++) Y.applyUpdate(c.doc, server.relayed[c.inbox]!, 'server');
        };
        const paragraphs = (doc: Y.Doc) => doc.getXmlFragment('prosemirror');
        for (const s of steps) {
          const c = clients[s.client]!;
          const fragment = paragraphs(c.doc);
          const firstText = () => {
            if (fragment.length === 0) {
              const paragraph = new Y.XmlElement('paragraph');
              paragraph.insert(0, [new Y.XmlText()]);
              fragment.insert(0, [paragraph]);
            }
            return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
          };
          switch (s.kind) {
            case 'type': {
              const text = firstText();
              text.insert(boundary(characters(text), s.at), s.text);
              break;
            }
            case 'erase': {
              const text = firstText();
              const { index, length } = span(characters(text), s.at, s.length);
              text.delete(index, length);
              break;
            }
            case 'paragraphs':
              c.doc.transact(() => {
                const made = Array.from({ length: s.count }, (_, i) => {
                  const paragraph = new Y.XmlElement('paragraph');
                  const text = new Y.XmlText();
                  paragraph.insert(0, [text]);
                  text.insert(0, `paragraphe ${i}`);
                  return paragraph;
                });
                fragment.insert(s.at % (fragment.length + 1), made);
              });
              break;
            case 'bold': {
              // An editor never puts a mark inside a character: Yjs would replace both of its halves.
              const text = firstText();
              const { index, length } = span(characters(text), s.at, s.length);
              text.format(index, length, { bold: true });
              break;
            }
            case 'set':
              c.doc.getMap('meta').set(s.key, s.value);
              break;
            case 'toggle':
              if (c.online) {
                c.online = false;
              } else {
                // The reconnection handshake: each side sends what the other lacks.
                c.online = true;
                c.outbox.splice(0);
                server.receive(Y.encodeStateAsUpdate(c.doc, Y.encodeStateVector(server.doc)));
                Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(server.doc, Y.encodeStateVector(c.doc)), 'server');
                c.inbox = server.relayed.length;
              }
              break;
            case 'deliver':
              if (c.online) flush(c);
              break;
          }
        }
        for (const c of clients) {
          if (!c.online) server.receive(Y.encodeStateAsUpdate(c.doc, Y.encodeStateVector(server.doc)));
          c.online = true;
        }
        // Applying others' formatting makes Yjs tidy its own marks, which is news to send in turn: until nothing moves.
        const busy = () => clients.some((c) => c.outbox.length > 0 || c.inbox < server.relayed.length);
        for (let round = 0; round < 10 && busy(); round++) for (const c of clients) flush(c);
        expect(busy()).toBe(false);
        for (const c of clients) Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(server.doc, Y.encodeStateVector(c.doc)), 'server');

        expect(server.refused).toEqual([]);
        const expected = paragraphs(server.doc).toString();
        for (const c of clients) expect(paragraphs(c.doc).toString()).toBe(expected);
      }),
      { numRuns: 150, seed: testSeed() },
    );
  });

  it('keeps the server, its relays and a newcomer identical under updates with bytes changed', () => {
    const random = seededRandom(testSeed());
    let accepted = 0;
    for (let round = 0; round < 30; round++) {
      const server = checkedServer();
      for (let i = 0; i < 200; i++) {
        const author = new Y.Doc();
        author.clientID = random.int(1, 2 ** 31);
        const text = author.getText('content');
        author.transact(() => {
          for (let n = random.int(1, 4); n > 0; n--) text.insert(random.int(0, text.length), `réunion ${random.int(0, 999)} 🌾`);
          if (text.length > 4) text.delete(random.int(0, text.length - 3), 2);
        });
        const update = Y.encodeStateAsUpdate(author);
        for (let n = random.int(1, 4); n > 0; n--) update[random.int(0, update.length - 1)] = random.int(0, 255);
        let decodes = true;
        try {
          Y.decodeUpdate(update);
        } catch {
          decodes = false;
        }
        if (decodes && !server.receive(update)) accepted++;
        if (i % 7 === 0) server.doc.getText('content').insert(server.doc.getText('content').length, `<${i}>`);
      }
      const bystander = new Y.Doc();
      for (const update of server.relayed) Y.applyUpdate(bystander, update);
      const newcomer = new Y.Doc();
      Y.applyUpdate(newcomer, Y.encodeStateAsUpdate(server.doc));
      const expected = server.doc.getText('content').toString();
      expect(bystander.getText('content').toString()).toBe(expected);
      expect(newcomer.getText('content').toString()).toBe(expected);
    }
    // Some changed updates still fit and are kept: the check is not refusing everything.
    expect(accepted).toBeGreaterThan(100);
  });
});
