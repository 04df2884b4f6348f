import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, editorText, waitConnected, writeInSection } from '../helpers/editor-page';
import { startTestServer } from '../helpers/server';
import { startTwoOrganisations } from '../helpers/two-organisations';

const clientDir = builtClient();

/** The history's entry of the version labelled `label` (its name, or its kind). */
const historyItem = (page: Page, label: string) =>
  page.locator('[data-testid="history-item"]', { has: page.locator('[data-testid="history-label"]', { hasText: label }) }).first();

async function nameVersion(page: Page, name: string): Promise<void> {
  await page.getByTestId('history-name-input').fill(name);
  await page.getByTestId('history-name-submit').click();
  await historyItem(page, name).waitFor({ timeout: 10_000 });
}

describe('version history, in real browsers', () => {
  it('names versions, compares them, restores one for everyone and undoes the restore; charts contributions over time', async () => {
    // A short pause makes the server take automatic versions while the test runs.
    const { owner, partner, open } = await startTwoOrganisations({ CLIENT_DIR: clientDir, VERSION_AFTER_PAUSE_MS: '400' });
    const [ownerPage, partnerPage] = [await open(owner), await open(partner)];
    await writeInSection(ownerPage, 'site', 'Three villages of Kaffrine');
    await writeInSection(partnerPage, 'method', 'Soil pits every 50 m');
    await expect.poll(() => editorText(ownerPage), { timeout: 10_000 }).toContain('Soil pits every 50 m');

    // The history lists the automatic version taken once both paused.
    await ownerPage.getByTestId('history-section').locator('summary').click();
    await expect
      .poll(
        async () => {
          await ownerPage.getByTestId('history-refresh').click();
          return ownerPage.locator('[data-testid="history-item"][data-kind="auto"]').count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    // Each version names the people whose edits it brought.
    expect(await ownerPage.locator('[data-testid="history-item"][data-kind="auto"] .version-person').count()).toBeGreaterThan(0);
    await nameVersion(ownerPage, 'First draft');
    const firstDraft = historyItem(ownerPage, 'First draft');

    // More writing: a word replaced, then named again.
    const site = ownerPage.locator('[data-testid="editor"] h2[data-section="site"] + p');
    await site.click();
    await ownerPage.keyboard.press('End');
    for (let i = 0; i < 'Kaffrine'.length; i++) await ownerPage.keyboard.press('Backspace');
    await ownerPage.keyboard.type('Kolda');
    await expect.poll(() => editorText(partnerPage), { timeout: 10_000 }).toContain('Three villages of Kolda');
    await nameVersion(ownerPage, 'Second draft');

    // Compared, the first draft and the second show the word deleted and the one inserted, in del and ins.
    await firstDraft.getByTestId('history-compare').click();
    const secondId = await historyItem(ownerPage, 'Second draft').getAttribute('data-version-id');
    await ownerPage.getByTestId('compare-to').selectOption(secondId ?? '');
    const comparison = ownerPage.getByTestId('compare-text');
    await expect.poll(() => comparison.locator('ins').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Kolda')]));
    expect((await comparison.locator('del').allTextContents()).join('')).toContain('Kaffrine');
    expect(await ownerPage.getByTestId('compare-inserted').textContent()).toMatch(/5 characters inserted/);
    expect(await ownerPage.getByTestId('compare-deleted').textContent()).toMatch(/8 characters deleted/);
    // While the history is shown, the live editor is out of the way.
    expect(await ownerPage.getByTestId('editor').isVisible()).toBe(false);

    // Opened, the first draft reads as it was, read-only.
    await firstDraft.getByTestId('history-open').click();
    const versionText = ownerPage.getByTestId('version-text');
    await expect.poll(async () => (await versionText.textContent()) ?? '', { timeout: 10_000 }).toContain('Three villages of Kaffrine');
    expect(await versionText.locator('[contenteditable="true"]').count()).toBe(0);

    // Restored, it reaches the other person's editor; the restore joins the list.
    await ownerPage.getByTestId('history-restore').click();
    await ownerPage.getByTestId('history-restore-yes').click();
    await ownerPage.getByTestId('restore-notice').waitFor();
    expect(await ownerPage.getByTestId('restore-notice').textContent()).toContain('restored');
    for (const page of [partnerPage, ownerPage]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Three villages of Kaffrine');
      expect(await editorText(page)).toContain('Soil pits every 50 m');
    }
    await ownerPage.locator('[data-testid="history-item"][data-kind="restore"]').first().waitFor({ timeout: 10_000 });

    // Undone, both come back to the text before the restore.
    await ownerPage.getByTestId('restore-undo').click();
    for (const page of [partnerPage, ownerPage]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('Three villages of Kolda');
      expect(await editorText(page)).not.toContain('Kaffrine');
    }
    await ownerPage.locator('[data-testid="restore-notice"][data-undone="true"]').waitFor();

    // The contribution map charts both organisations' characters over time.
    await ownerPage.getByTestId('contribution-section').locator('summary').click();
    const chart = ownerPage.getByTestId('contribution-timeline-chart');
    await chart.waitFor({ timeout: 10_000 });
    expect(await chart.locator('path[data-series]').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.textContent()).toContain('Universidad del Campo');
  }, 120_000);

  it('shows viewers the history without the means to name or restore', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const owner = await server.owner();
    const projectId = await server.project();
    const viewer = await server.signUp({ name: 'Viewer' });
    await addMember(owner, projectId, viewer, 'viewer');
    const documentId = await server.createDocument('Lessons');
    const named = await owner.api('POST', `/documents/${documentId}/versions`, { name: 'For the workshop' });
    expect(named.status).toBe(201);

    const browser = await launchBrowser();
    const context = await newPerson(browser, { width: 390 });
    await logInContext(context, server.url, viewer.cookie);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${documentId}`);
    await waitConnected(page);
    await page.getByTestId('history-section').locator('summary').click();
    await historyItem(page, 'For the workshop').getByTestId('history-open').click();
    await page.getByTestId('version-text').waitFor();
    expect(await page.getByTestId('history-name-form').count()).toBe(0);
    expect(await page.getByTestId('history-restore').count()).toBe(0);
    // Escape closes it, back to the editor and to the button that opened it.
    await page.keyboard.press('Escape');
    await page.getByTestId('history-view').waitFor({ state: 'detached' });
    expect(await page.getByTestId('editor').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-open');
  }, 60_000);
});
