import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeServerMessage } from '../../test/helpers/collab-socket';
import { waitFor } from '../../test/helpers/wait-for';
import { type AwarenessPacing, AwarenessRelay } from './awareness-relay';

const PACING: AwarenessPacing = { changeIntervalMs: 100, renewalHoldMs: 400 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a gathered frame to have gone and its interval to have passed. */
const settle = () => sleep(2 * PACING.changeIntervalMs + 50);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The server's copy of a document's awareness, a relay over it, and each frame it sends, decoded. */
function setUp() {
  const server = new awarenessProtocol.Awareness(new Y.Doc());
  server.setLocalState(null);
  const frames: { at: number; entries: Map<number, { clock: number; state: unknown }> }[] = [];
  const relay = new AwarenessRelay(server, PACING, (frame) => {
    const message = decodeServerMessage(frame);
    if (message.type !== 'awareness') throw new Error(`relayed a ${message.type} frame`);
    // Applied to a fresh copy, the frame says which entries it carries and in what state.
    const reader = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(reader, message.update, null);
    const entries = new Map([...reader.meta].filter(([id]) => id !== reader.clientID).map(([id, meta]) => [id, { clock: meta.clock, state: reader.states.get(id) ?? null }]));
    frames.push({ at: performance.now(), entries });
    reader.destroy();
  });
  cleanups.push(() => {
    relay.destroy();
    server.destroy();
  });
  return { server, relay, frames };
}

/** A person's provider-side awareness, whose changes reach the server's copy as they would over a socket. */
function person(server: awarenessProtocol.Awareness, name: string) {
  const own = new awarenessProtocol.Awareness(new Y.Doc());
  cleanups.push(() => own.destroy());
  const send = () => awarenessProtocol.applyAwarenessUpdate(server, awarenessProtocol.encodeAwarenessUpdate(own, [own.clientID]), 'socket');
  return {
    id: own.clientID,
    set(state: Record<string, unknown>) {
      own.setLocalState({ name, ...state });
      send();
    },
    /** What a provider does every 15 s: the same state again, under a higher clock. */
    renew() {
      own.setLocalState(own.getLocalState());
      send();
    },
    clock: () => own.meta.get(own.clientID)!.clock,
  };
}

describe('awareness relay', () => {
  it('sends a change at once when nothing went out lately', () => {
    const { server, frames } = setUp();
    const awa = person(server, 'Awa');
    awa.set({ cursor: 1 });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.entries.get(awa.id)).toEqual({ clock: awa.clock(), state: { name: 'Awa', cursor: 1 } });
  });

  it('gathers changes that follow closely into one frame, each entry in its latest state', async () => {
    const { server, frames } = setUp();
    const awa = person(server, 'Awa');
    const carlos = person(server, 'Carlos');
    awa.set({ cursor: 1 });
    const first = frames[0]!.at;
    awa.set({ cursor: 2 });
    carlos.set({ cursor: 7 });
    awa.set({ cursor: 3 });
    expect(frames).toHaveLength(1);
    // Waited for, not slept: a loaded machine runs the timer late.
    await waitFor(() => frames.length > 1, 'the gathered frame');
    expect(frames).toHaveLength(2);
    expect(frames[1]!.at - first).toBeGreaterThanOrEqual(PACING.changeIntervalMs - 1);
    expect(frames[1]!.entries.get(awa.id)?.state).toEqual({ name: 'Awa', cursor: 3 });
    expect(frames[1]!.entries.get(carlos.id)?.state).toEqual({ name: 'Carlos', cursor: 7 });
  });

  it('holds renewals that change nothing, then sends them together', async () => {
    const { server, frames } = setUp();
    const people = ['Awa', 'Carlos', 'Mei', 'Nour'].map((name) => person(server, name));
    for (const p of people) p.set({});
    await settle();
    const joined = frames.length;

    const renewedAt = performance.now();
    for (const p of people) p.renew();
    expect(frames).toHaveLength(joined);
    await waitFor(() => frames.length > joined, 'the held renewals');
    expect(frames).toHaveLength(joined + 1);
    expect(frames.at(-1)!.at - renewedAt).toBeGreaterThanOrEqual(PACING.renewalHoldMs - 1);
    const renewed = frames.at(-1)!.entries;
    for (const p of people) expect(renewed.get(p.id)?.clock).toBe(p.clock());
  });

  it('sends held renewals with the next change, without waiting out the hold', async () => {
    const { server, frames } = setUp();
    const awa = person(server, 'Awa');
    const carlos = person(server, 'Carlos');
    awa.set({});
    carlos.set({});
    await settle();
    const before = frames.length;

    awa.renew();
    carlos.set({ cursor: 4 });
    expect(frames).toHaveLength(before + 1);
    expect([...frames.at(-1)!.entries.keys()].sort()).toEqual([awa.id, carlos.id].sort());
    // Nothing is left to send when the hold would have ended.
    await sleep(PACING.renewalHoldMs + 100);
    expect(frames).toHaveLength(before + 1);
  });

  it('tells everyone at once when someone leaves', async () => {
    const { server, frames } = setUp();
    const awa = person(server, 'Awa');
    awa.set({});
    await settle();
    awarenessProtocol.removeAwarenessStates(server, [awa.id], null);
    expect(frames.at(-1)!.entries.get(awa.id)?.state).toBeNull();
  });
});
