import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember } from '../helpers/accounts';
import { builtClient, editorText, typeAtEnd, waitConnected } from '../helpers/editor-page';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { startLinkProxy } from '../helpers/link-proxy';
import { startTestServer, type TestServer } from '../helpers/server';

const clientDir = builtClient();

/** A person of their own organisation, member of the test project, logged in on this browser profile. */
async function asMember(
  server: TestServer,
  context: BrowserContext,
  name: string,
  baseUrl = server.url,
  organisation = `${name}'s organisation`,
): Promise<void> {
  const person = await server.signUp({ name, newOrganisation: { name: organisation, kind: 'ngo', country: 'SN' } });
  await addMember(await server.owner(), await server.project(), person, 'editor');
  await logInContext(context, baseUrl, person.cookie);
}

async function openDocument(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}/d/${id}`);
  await waitConnected(page);
}

/**
 * Whether `text` holds both runs once, each whole and in order. Typed at the same
 * place at once, one run may begin inside the other: if Carlos starts typing
 * after seeing only "Awa" of Awa's sentence, his run and the rest of hers both
 * follow that "Awa", and Yjs orders them by client id. So one of the two is
 * whole as typed, and taking it out leaves the other whole.
 */
function keepsBothWhole(text: string, first: string, second: string): boolean {
  // Once each: a document that holds copies (a resync gone wrong) fails too.
  const once = (within: string, run: string) => within.split(run).length === 2;
  const otherWholeWithout = (run: string, other: string) => once(text, run) && once(text.replace(run, ''), other.trim());
  return otherWholeWithout(first, second) || otherWholeWithout(second, first);
}

describe('two people in real browsers', () => {
  it('type into the same document at once and see each other’s text and named caret', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const id = await server.createDocument('Capitalisation note — irrigation');
    const browser = await launchBrowser();
    const awaContext = await newPerson(browser);
    const carlosContext = await newPerson(browser, { width: 390 });
    await asMember(server, awaContext, 'Awa', server.url, 'Dakar Farmers Union');
    await asMember(server, carlosContext, 'Carlos', server.url, 'Universidad de Cusco');
    const awa = await awaContext.newPage();
    const carlos = await carlosContext.newPage();
    await Promise.all([openDocument(awa, server.url, id), openDocument(carlos, server.url, id)]);

    const awaWrites = 'Awa writes from Dakar. ';
    const carlosWrites = 'Carlos writes from Cusco. ';
    await Promise.all([typeAtEnd(awa, awaWrites), typeAtEnd(carlos, carlosWrites)]);

    for (const page of [awa, carlos]) {
      await expect.poll(async () => keepsBothWhole(await editorText(page), awaWrites, carlosWrites), { timeout: 10_000 }).toBe(true);
    }
    expect(await editorText(awa)).toBe(await editorText(carlos));

    // Each sees the other's caret, labelled with their name, and the other in the participants list.
    await awa.locator('.collaboration-carets__label', { hasText: 'Carlos' }).waitFor();
    await carlos.locator('.collaboration-carets__label', { hasText: 'Awa' }).waitFor();
    await expect.poll(() => awa.locator('[data-testid="participant"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Carlos')]),
    );

    // Both organisations are named among the contributors on both pages, without reloading either.
    for (const page of [awa, carlos]) {
      await expect
        .poll(() => page.locator('[data-testid="doc-contributors"] .doc-meta-org-name').allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining(['Dakar Farmers Union', 'Universidad de Cusco']));
    }
  });

  it('keeps what one person types offline, across a reload, and merges it when the link returns', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const id = await server.createDocument('Trial log');
    const fieldLink = await startLinkProxy(server.url);
    const browser = await launchBrowser();
    const fieldContext = await newPerson(browser, { width: 390 });
    const officeContext = await newPerson(browser);
    await asMember(server, fieldContext, 'Fatou', fieldLink.url);
    await asMember(server, officeContext, 'Marie');
    const field = await fieldContext.newPage();
    const office = await officeContext.newPage();
    await Promise.all([openDocument(field, fieldLink.url, id), openDocument(office, server.url, id)]);

    await typeAtEnd(office, 'Plan: test drip lines. ');
    await expect.poll(() => editorText(field)).toContain('Plan: test drip lines.');

    fieldLink.goOffline();
    await field.locator('[data-testid="connection-status"][data-status="offline"]').waitFor({ timeout: 15_000 });
    await typeAtEnd(field, 'Observed: clogged emitters. ');
    await typeAtEnd(office, 'Budget approved. ');
    await field.locator('[data-testid="unsynced-changes"]').waitFor();

    // Still cut off, the page reloads from the device's own copy.
    await field.reload();
    await expect.poll(() => editorText(field), { timeout: 10_000 }).toContain('Observed: clogged emitters.');
    expect(await editorText(office)).not.toContain('clogged');

    fieldLink.goOnline();
    await waitConnected(field, 20_000);
    for (const page of [field, office]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Observed: clogged emitters.');
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Budget approved.');
    }
    expect(await editorText(field)).toBe(await editorText(office));
  });
});
