import { describe, expect, it } from 'vitest';
import { serverContent } from '../helpers/collab-socket';
import { type Random, seededRandom, testSeed } from '../helpers/seeded-random';
import { type ServerProcess, startServerProcess } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

const EDITORS = 20;
const OBSERVERS = 2;
const KILLS = 12;
/** Editing time between two kills, in ms. */
const UPTIME_MS: [number, number] = [150, 900];
/** Pause of each editor between two edits, in ms: about 280 edits a second in all. */
const TYPING_PAUSE_MS: [number, number] = [20, 120];
const DEADLINE_MS = 100_000;

const ENV = {
  // Compactions run between, and now and then during, the kills.
  COMPACT_AFTER_UPDATES: '40',
  // The twenty editors share one test session; in real use each person has their own.
  MESSAGE_RATE_PER_SESSION: '5000',
};

/**
 * Every edit is one token of fixed width, inserted between two tokens: the
 * text is always a sequence of whole tokens, so what each copy holds can be
 * read back exactly.
 */
const WIDTH = 10;
const tokenOf = (editor: number, n: number) => `[${String(editor).padStart(2, '0')}.${String(n).padStart(5, '0')}]`;
const authorOf = (token: string) => Number(token.slice(1, 3));

function tokensIn(text: string): string[] {
  if (text.length % WIDTH !== 0) throw new Error(`the text is not made of whole edits: ${text.length} characters`);
  const tokens = Array.from({ length: text.length / WIDTH }, (_, i) => text.slice(i * WIDTH, (i + 1) * WIDTH));
  const broken = tokens.find((t) => !/^\[\d\d\.\d{5}\]$/.test(t));
  if (broken) throw new Error(`an edit was split or garbled: “${broken}”`);
  return tokens;
}

/** An editor typing at random places until told to stop; keeps typing while offline, as people do. */
function startTyping(client: YjsClient, editor: number, random: Random) {
  const made: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const step = () => {
    if (stopped) return;
    const slot = random.int(0, client.text.length / WIDTH);
    const token = tokenOf(editor, made.length);
    client.text.insert(slot * WIDTH, token);
    made.push(token);
    timer = setTimeout(step, random.int(...TYPING_PAUSE_MS));
  };
  timer = setTimeout(step, random.int(...TYPING_PAUSE_MS));
  return {
    made,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash consistency', () => {
  it(`keeps every edit a client had received through ${KILLS} SIGKILLs while ${EDITORS} people type, and everyone converges`, async () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const deadline = Date.now() + DEADLINE_MS;

    let server: ServerProcess = await startServerProcess(ENV);
    const { dataDir } = server;
    const port = new URL(server.url).port;
    const documentId = await server.createDocument();
    const cookie = server.cookie;
    // The restarted server listens on the same port, so the clients' address stays valid.
    const target = { wsUrl: server.wsUrl, cookie };

    const editors = Array.from({ length: EDITORS }, () => connectClient(target, documentId));
    // Observers never type: whatever they hold came from the server.
    const observers = Array.from({ length: OBSERVERS }, () => connectClient(target, documentId));
    const clients = [...editors, ...observers];
    const authorIndex = new Map(editors.map((c, i) => [c, i]));
    const refusals: number[] = [];
    for (const c of clients) {
      c.provider.on('connection-close', (event) => {
        if (event && event.code >= 4000) refusals.push(event.code);
      });
    }
    await Promise.all(clients.map((c) => c.synced()));
    const typists = editors.map((c, i) => startTyping(c, i, random.fork(i)));
    const madeCount = () => typists.reduce((sum, t) => sum + t.made.length, 0);

    let kills = 0;
    let checked = 0;
    let receivedAtLastKill = 0;
    let unstored = 0;
    const lost: string[] = [];
    try {
      for (let round = 1; round <= KILLS; round++) {
        if (Date.now() > deadline) throw new Error(`out of time after ${kills} kills`);
        await sleep(random.int(...UPTIME_MS));
        server.child.kill('SIGKILL');
        const madeAtKill = typists.map((t) => t.made.length);
        expect(await server.exited).toBe('SIGKILL');
        kills++;
        // No client may reach the restarted server before its own content is checked: they would push their copies back.
        for (const c of clients) c.provider.disconnect();

        // A token in a client's copy that it did not write itself came from the server, which stores before it relays.
        const received = new Set<string>();
        for (const c of clients) {
          for (const token of tokensIn(c.text.toString())) if (authorOf(token) !== authorIndex.get(c)) received.add(token);
        }

        server = await startServerProcess({ ...ENV, DATA_DIR: dataDir, PORT: port });
        const stored = new Set(tokensIn(await serverContent(target, documentId)));
        checked += received.size;
        lost.push(...[...received].filter((token) => !stored.has(token)));
        expect(lost, `edits other clients had received, missing after kill ${round}`).toEqual([]);
        receivedAtLastKill = received.size;
        unstored += typists.flatMap((t, editor) => t.made.slice(0, madeAtKill[editor])).filter((x) => !stored.has(x)).length;

        for (const c of clients) c.provider.connect();
        await waitFor(() => clients.every((c) => c.provider.synced), `everyone to reconnect after kill ${round}`, 20_000);
      }
    } finally {
      for (const t of typists) t.stop();
    }

    // Everyone ends with every edit anyone typed, each once, and the server has the same.
    const everything = typists.flatMap((t) => t.made).sort();
    const texts = () => clients.map((c) => c.text.toString());
    await waitFor(
      () => texts().every((text) => text.length === everything.length * WIDTH && text === texts()[0]),
      'every client to converge',
      30_000,
    );
    expect(tokensIn(texts()[0]!).sort()).toEqual(everything);
    const reader = connectClient(target, documentId);
    await reader.synced();
    expect(reader.text.toString()).toBe(texts()[0]);
    expect(refusals, 'close codes that refused a client').toEqual([]);

    console.log(
      `crash consistency (seed ${seed}): ${kills} SIGKILLs under ${EDITORS} editors and ${OBSERVERS} observers; ` +
        `${madeCount()} edits made, ${receivedAtLastKill} received by other clients before the last kill ` +
        `(${checked} checks over all kills), ${lost.length} lost; ${unstored} typed but not yet stored at a kill, ` +
        `re-sent by their authors; all ${clients.length + 1} clients converged`,
    );
  }, 150_000);
});
