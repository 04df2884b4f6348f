import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectDatabase } from '../helpers/database';
import { testSeed } from '../helpers/seeded-random';
import { boundary } from '../helpers/text';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

const NUM_RUNS = 150;
const TIME_LIMIT_MS = 75_000;

type Value = string | number | boolean | null;
type Operation =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'set'; client: number; key: string; value: Value }
  | { kind: 'disconnect'; client: number }
  | { kind: 'reconnect'; client: number }
  /** Lets messages in flight arrive, so that operations interleave with them differently. */
  | { kind: 'pause'; ms: number };

// Accents, a dash, an emoji outside the BMP and one joined from several: what partners type.
const piece = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', 'ñ', '—', '🌾', '👩🏽‍🌾'),
  minLength: 1,
  maxLength: 6,
});

const operation = (clients: number): fc.Arbitrary<Operation> => {
  const client = fc.nat({ max: clients - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), client, at: fc.nat(), text: piece }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('delete' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        client,
        key: fc.constantFrom('status', 'owner', 'deadline'),
        value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null)),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), client }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
  );
};

const scenario = fc
  .integer({ min: 2, max: 4 })
  .chain((clients) =>
    fc.record({ clients: fc.constant(clients), operations: fc.array(operation(clients), { minLength: 1, maxLength: 60 }) }),
  );

function apply(clients: YjsClient[], op: Exclude<Operation, { kind: 'pause' }>): void {
  const c = clients[op.client]!;
  switch (op.kind) {
    case 'insert':
      c.text.insert(boundary(c.text.toString(), op.at), op.text);
      break;
    case 'delete': {
      const text = c.text.toString();
      const start = boundary(text, op.at);
      const end = boundary(text, Math.min(text.length, start + op.length));
      if (end > start) c.text.delete(start, end - start);
      break;
    }
    case 'set':
      c.doc.getMap('meta').set(op.key, op.value);
      break;
    case 'disconnect':
      c.provider.disconnect();
      break;
    case 'reconnect':
      c.provider.connect();
      break;
  }
}

/** Everything a copy of the document holds that a person could see, keys in a fixed order. */
function stateOf(doc: Y.Doc): string {
  const meta = Object.entries(doc.getMap('meta').toJSON()).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ text: doc.getText('content').toString(), meta });
}

/** Operations applied over all runs, by kind, for the report. */
const applied = new Map<Operation['kind'], number>();

async function run(server: TestServer, { clients: count, operations }: { clients: number; operations: Operation[] }) {
  const documentId = await server.createDocument();
  const clients = Array.from({ length: count }, () => connectClient(server, documentId));
  try {
    await Promise.all(clients.map((c) => c.synced()));
    for (const op of operations) {
      applied.set(op.kind, (applied.get(op.kind) ?? 0) + 1);
      if (op.kind === 'pause') await new Promise((resolve) => setTimeout(resolve, op.ms));
      else apply(clients, op);
    }
    for (const c of clients) c.provider.connect();
    const same = () => clients.every((c) => c.provider.synced && stateOf(c.doc) === stateOf(clients[0]!.doc));
    await waitFor(same, 'the clients to converge', 5000);
    const agreed = stateOf(clients[0]!.doc);

    // Every copy equals what the server holds in memory, and what it stored.
    const fresh = connectClient(server, documentId);
    await fresh.synced();
    expect(stateOf(fresh.doc)).toBe(agreed);
    fresh.destroy();
    expect(stateOf(inspectDatabase(server.dataDir).storedDocument(documentId))).toBe(agreed);
  } finally {
    for (const c of clients) c.destroy();
  }
}

describe('convergence, property-based', () => {
  it(`all copies and the stored document end identical, whatever ${NUM_RUNS} random mixes of edits and reconnections happen`, async () => {
    const seed = testSeed();
    // Clients come and go by the dozen from one loopback address.
    const server = await startTestServer({ CONNECTION_RATE_PER_ADDRESS: '1000' });
    const details = await fc.check(
      fc.asyncProperty(scenario, (s) => run(server, s)),
      { seed, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: true },
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
    const counts = [...applied].map(([kind, n]) => `${n} ${kind}`).join(', ');
    console.log(`convergence property (seed ${seed}): ${details.numRuns} runs of 2–4 clients passed; operations: ${counts}`);
  }, TIME_LIMIT_MS + 30_000);
});
