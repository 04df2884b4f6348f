import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { watchNewWriters } from './new-writers';

/** A Y.Doc as another person's page holds it, and what it sends. */
function person(text: string, from?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const before = Y.encodeStateVector(doc);
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('watchNewWriters', () => {
  function setUp() {
    const page = new Y.Doc();
    let ready = false;
    let calls = 0;
    const stop = watchNewWriters(
      page,
      () => ready,
      () => calls++,
    );
    return { page, calls: () => calls, makeReady: () => (ready = true), stop };
  }

  it('hears nobody new in what the page loads before it is ready', () => {
    const { page, calls } = setUp();
    Y.applyUpdate(page, person('Kept on the device. '));
    Y.applyUpdate(page, person('From the server. '));
    expect(calls()).toBe(0);
  });

  it('hears a writer new to the document once, and the page’s own first edit', () => {
    const { page, calls, makeReady } = setUp();
    Y.applyUpdate(page, person('Awa wrote this before. '));
    makeReady();

    const carlos = new Y.Doc();
    carlos.on('update', (update: Uint8Array) => Y.applyUpdate(page, update));
    carlos.getText('content').insert(0, 'Carlos, first time. ');
    expect(calls()).toBe(1);
    carlos.getText('content').insert(0, 'Carlos again. ');
    expect(calls()).toBe(1);

    page.getText('content').insert(0, 'Me, first time. ');
    expect(calls()).toBe(2);
    page.getText('content').insert(0, 'Me again. ');
    page.getText('content').delete(0, 3);
    expect(calls()).toBe(2);
  });

  it('hears nothing once stopped', () => {
    const { page, calls, makeReady, stop } = setUp();
    makeReady();
    stop();
    Y.applyUpdate(page, person('Someone new. '));
    expect(calls()).toBe(0);
  });
});
