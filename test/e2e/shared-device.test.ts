import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, type TestUser } from '../helpers/accounts';
import { builtClient, editorText, typeAtEnd, waitConnected } from '../helpers/editor-page';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const clientDir = builtClient();

/** The IndexedDB databases this page's browser profile holds. */
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());

/** The names of one person's copies of a document: its content and its discussion. */
const copiesOf = (person: TestUser, documentId: string) =>
  ['doc', 'discussion'].map((kind) => `ensemble:${kind}:${encodeURIComponent(person.id)}:${documentId}`);

async function logOut(page: Page, baseUrl: string, { forgetCopies }: { forgetCopies: boolean }): Promise<void> {
  await page.goto(`${baseUrl}/profile`);
  if (forgetCopies) await page.locator('[data-testid="logout-forget-copies"]').check();
  await page.locator('[data-testid="logout"]').click();
  await page.waitForURL(/\/login/);
}

describe('one computer shared by two people', () => {
  it('keeps each person’s copies apart, and removes one’s own on logging out when asked', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const id = await server.createDocument('Field findings — shared office computer');
    const [awa, bruno] = [await server.signUp({ name: 'Awa' }), await server.signUp({ name: 'Bruno' })];
    for (const person of [awa, bruno]) await addMember(await server.owner(), await server.project(), person, 'editor');
    const browser = await launchBrowser();
    const computer = await newPerson(browser);
    const page = await computer.newPage();

    await logInContext(computer, server.url, awa.cookie);
    await page.goto(`${server.url}/d/${id}`);
    await waitConnected(page);
    await typeAtEnd(page, 'Awa noted the well levels. ');
    await expect.poll(() => databases(page)).toEqual(expect.arrayContaining(copiesOf(awa, id)));
    await logOut(page, server.url, { forgetCopies: false });
    // Kept for her offline work, as the logout panel says.
    expect(await databases(page)).toEqual(expect.arrayContaining(copiesOf(awa, id)));

    await logInContext(computer, server.url, bruno.cookie);
    await page.goto(`${server.url}/d/${id}`);
    await waitConnected(page);
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Awa noted the well levels.');
    await typeAtEnd(page, 'Bruno adds the rainfall. ');
    // His own copy, not hers: he never opens nor sends what she kept here.
    await expect.poll(() => databases(page)).toEqual(expect.arrayContaining([...copiesOf(awa, id), ...copiesOf(bruno, id)]));

    await logOut(page, server.url, { forgetCopies: true });
    await expect.poll(() => databases(page)).toEqual(expect.not.arrayContaining([copiesOf(bruno, id)[0]]));
    const left = await databases(page);
    for (const name of copiesOf(bruno, id)) expect(left).not.toContain(name);
    // Only his: hers stay until she decides.
    expect(left).toEqual(expect.arrayContaining(copiesOf(awa, id)));
    // What he wrote had reached the server before he left.
    const reader = await server.signUp({ name: 'Reader' });
    await addMember(await server.owner(), await server.project(), reader, 'viewer');
    const check = await (await newPerson(browser)).newPage();
    await logInContext(check.context(), server.url, reader.cookie);
    await check.goto(`${server.url}/d/${id}`);
    await expect.poll(() => editorText(check), { timeout: 10_000 }).toContain('Bruno adds the rainfall.');
  });
});
