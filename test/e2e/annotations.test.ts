import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AttributionResponse, DocumentResponse, NotificationsResponse } from '../../shared/api';
import { addMember } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, editorText, textWithoutCarets, waitConnected, writeInSection } from '../helpers/editor-page';
import { createOrganisation } from '../helpers/projects';
import { startTestServer } from '../helpers/server';

const clientDir = builtClient();

/** The textarea a test id names, whether the id sits on it or on its wrapper. */
const textareaOf = (testId: string) => `textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`;

/** Selects `words` inside the editor's text, as a person does by dragging over them. */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.locator('[data-testid="editor"] .ProseMirror').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
}

/** Puts the caret just before `words`, in the editor, as a click there would. */
async function caretBefore(page: Page, words: string): Promise<void> {
  await page.locator('[data-testid="editor"] .ProseMirror').focus();
  await selectWords(page, words);
  await page.locator('[data-testid="editor"] .ProseMirror').evaluate(() => window.getSelection()!.collapseToStart());
  // The editor takes the selection from the browser's selectionchange event.
  await page.waitForTimeout(100);
}

/** The words the highlight of the page's first thread covers. */
const highlighted = (page: Page) => textWithoutCarets(page.locator('[data-testid="annotation-highlight"]').first());

/** A field finding written by a partner (owner), with an academic (commenter) of another organisation, each in a browser. */
async function fieldFinding() {
  const server = await startTestServer({ CLIENT_DIR: clientDir });
  const partner = await server.owner();
  const projectId = await server.project();
  const university = await createOrganisation(partner, 'Université Cheikh Anta Diop');
  const academic = await server.signUp({ name: 'Fatou Sall', organisationId: university });
  await addMember(partner, projectId, academic, 'commenter');
  const created = await partner.api('POST', `/projects/${projectId}/documents`, { kind: 'field_finding', title: 'Soils of Kaffrine' });
  const documentId = ((await created.json()) as DocumentResponse).document.id;

  const browser = await launchBrowser();
  const open = async (cookie: string, width?: number) => {
    const context = await newPerson(browser, { width });
    await logInContext(context, server.url, cookie);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${documentId}`);
    await waitConnected(page);
    return page;
  };
  const partnerPage = await open(partner.cookie);
  await writeInSection(partnerPage, 'observations', 'Millet roots reach the hardpan at 40 cm.');
  const academicPage = await open(academic.cookie, 1280);
  await expect.poll(() => editorText(academicPage)).toContain('hardpan at 40 cm');
  return { partner, academic, documentId, partnerPage, academicPage };
}

/** Annotates `words` through the composer, as a person does. */
async function annotate(page: Page, words: string, fill: (composer: Locator) => Promise<void>): Promise<void> {
  await selectWords(page, words);
  await page.getByTestId('annotate').click();
  const composer = page.getByTestId('annotation-composer');
  await fill(composer);
  await composer.getByTestId('annotation-submit').click();
}

describe('annotations, in real browsers', () => {
  it('an academic annotates a field finding with evidence; a partner sees it live, replies with a mention, and resolves it', async () => {
    const { partnerPage, academicPage } = await fieldFinding();

    // The academic (a commenter) selects words and adds evidence with its source.
    await annotate(academicPage, 'hardpan at 40 cm', async (composer) => {
      await composer.getByTestId('annotation-kind').selectOption('evidence');
      await composer.getByTestId('annotation-citation-text').fill('Diallo et al. (2019), Soil profiles of the groundnut basin');
      await composer.locator(textareaOf('annotation-body')).fill('Same depth in the 2019 survey.');
    });
    // The partner sees it within a second or so, highlighted on the words, without reloading.
    const thread = partnerPage.locator('[data-testid="thread"][data-kind="evidence"]').first();
    await thread.waitFor({ timeout: 5000 });
    await expect.poll(() => textWithoutCarets(partnerPage.locator('[data-testid="annotation-highlight"]').first())).toContain('hardpan');
    await expect.poll(() => thread.textContent()).toContain('Diallo et al. (2019)');

    // The partner replies, mentioning the academic.
    await thread.click();
    const reply = thread.locator(textareaOf('thread-reply'));
    await reply.fill('@Fat');
    await partnerPage.getByTestId('mention-option').filter({ hasText: 'Fatou Sall' }).click();
    await reply.pressSequentially('could you share the profiles?');
    await thread.getByTestId('thread-reply-submit').click();
    const academicThread = academicPage.locator('[data-testid="thread"][data-kind="evidence"]').first();
    await expect.poll(() => academicThread.textContent(), { timeout: 5000 }).toContain('could you share the profiles?');

    // The academic is told, in the inbox.
    await expect
      .poll(async () => {
        await academicPage.evaluate(() => window.dispatchEvent(new Event('focus')));
        return academicPage.getByTestId('inbox-unread').textContent().catch(() => '');
      }, { timeout: 15_000 })
      .toBe('1');
    // Folded first, so that following the notification has something to open.
    await academicThread.locator('.annotation-thread-head').click();
    await expect.poll(() => academicThread.getAttribute('class')).not.toContain('expanded');
    await academicPage.getByTestId('inbox-bell').click();
    const item = academicPage.getByTestId('inbox-item').first();
    expect(await item.getAttribute('data-kind')).toBe('mention');
    expect(await item.textContent()).toContain('Soils of Kaffrine');

    // Following the notification opens the thread it is about.
    await item.click();
    await expect.poll(() => academicThread.getAttribute('class')).toContain('expanded');
    expect(new URL(academicPage.url()).hash).toMatch(/^#thread-/);

    // The partner resolves it; the academic sees it resolved.
    await thread.getByTestId('thread-resolve').click();
    await expect.poll(() => academicThread.getAttribute('data-status'), { timeout: 5000 }).toBe('resolved');
  }, 90_000);

  it('a partner accepts an academic’s suggestion: exactly its words replace the quoted ones, and one undo takes them back', async () => {
    const { partner, academic, documentId, partnerPage, academicPage } = await fieldFinding();
    await annotate(academicPage, '40 cm', async (composer) => {
      await composer.getByTestId('annotation-kind').selectOption('suggestion');
      await composer.getByTestId('annotation-suggestion').fill('38 to 42 cm');
    });
    const thread = partnerPage.locator('[data-testid="thread"][data-kind="suggestion"]').first();
    await thread.waitFor({ timeout: 5000 });
    await thread.click();
    await thread.getByTestId('thread-accept').click();

    const accepted = 'Millet roots reach the hardpan at 38 to 42 cm.';
    for (const page of [partnerPage, academicPage]) await expect.poll(() => editorText(page), { timeout: 5000 }).toContain(accepted);
    await expect.poll(() => thread.getAttribute('data-status')).toBe('accepted');
    const inbox = (await (await academic.api('GET', '/notifications')).json()) as NotificationsResponse;
    expect(inbox.notifications[0]).toMatchObject({ kind: 'suggestion_accepted', actorName: 'Owner' });

    // The partner typed the accepted words, but they are the academic's: coloured as her organisation's, not the partner's.
    const credits = async () => ((await (await partner.api('GET', `/documents/${documentId}/attribution`)).json()) as AttributionResponse).credits;
    await expect.poll(async () => (await credits()).map((credit) => [credit.name, credit.length]), { timeout: 10_000 }).toEqual([['Fatou Sall', 11]]);
    await partnerPage.getByTestId('authorship-toggle').click();
    const university = partnerPage.getByTestId('authorship-legend-item').filter({ hasText: 'Université Cheikh Anta Diop' });
    await university.waitFor({ timeout: 10_000 });
    const universityId = await university.getAttribute('data-organisation-id');
    const acceptedRun = partnerPage.locator('.authorship-run', { hasText: '38 to 42 cm' });
    await expect.poll(() => acceptedRun.getAttribute('data-author'), { timeout: 10_000 }).toBe(`organisation:${universityId}`);
    expect(await partnerPage.getByTestId('accept-uncredited').count()).toBe(0);
    await partnerPage.getByTestId('authorship-toggle').click();

    // One step back restores the quoted words, for everyone.
    await partnerPage.locator('[data-testid="editor"] .ProseMirror').focus();
    await partnerPage.keyboard.press('Control+z');
    for (const page of [partnerPage, academicPage]) {
      await expect.poll(() => editorText(page), { timeout: 5000 }).toContain('Millet roots reach the hardpan at 40 cm.');
    }
  }, 90_000);

  it('a thread stays on its words when their paragraph is split before them, and is detached, with its quote, once they are deleted', async () => {
    const { partnerPage, academicPage } = await fieldFinding();
    await annotate(academicPage, 'hardpan at 40 cm', async (composer) => {
      await composer.locator(textareaOf('annotation-body')).fill('Measured where?');
    });
    for (const page of [partnerPage, academicPage]) await expect.poll(() => highlighted(page), { timeout: 5000 }).toBe('hardpan at 40 cm');

    // Enter before the words, in their paragraph: the editor writes that paragraph anew, and the thread must follow.
    await caretBefore(partnerPage, 'reach');
    await partnerPage.keyboard.press('Enter');
    for (const page of [partnerPage, academicPage]) {
      await expect.poll(() => page.locator('[data-testid="editor"] p', { hasText: 'reach the hardpan' }).count(), { timeout: 5000 }).toBe(1);
      await expect.poll(() => highlighted(page), { timeout: 5000 }).toBe('hardpan at 40 cm');
    }
    // Still so once the thread has been given its new anchor, and for someone opening the page afresh.
    await academicPage.waitForTimeout(3000);
    await academicPage.reload();
    await expect.poll(() => highlighted(academicPage), { timeout: 10_000 }).toBe('hardpan at 40 cm');
    for (const page of [partnerPage, academicPage]) {
      expect(await highlighted(page)).toBe('hardpan at 40 cm');
      expect(await page.getByTestId('thread').first().getAttribute('data-detached')).toBe('false');
    }

    // The words deleted: the thread is detached, and still says what it was about.
    await partnerPage.locator('[data-testid="editor"] .ProseMirror').focus();
    await selectWords(partnerPage, 'hardpan at 40 cm');
    await partnerPage.getByTestId('annotate').waitFor();
    await partnerPage.keyboard.press('Backspace');
    for (const page of [partnerPage, academicPage]) {
      const thread = page.getByTestId('thread').first();
      await thread.getByTestId('thread-detached').waitFor({ timeout: 5000 });
      expect(await thread.locator('.annotation-quote').textContent()).toBe('hardpan at 40 cm');
      expect(await page.locator('[data-testid="annotation-highlight"]').count()).toBe(0);
    }
  }, 90_000);
});

