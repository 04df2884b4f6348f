import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocumentResponse } from '../../shared/api';
import { addMember, type TestUser } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, editorText, textWithoutCarets, waitConnected, writeInSection } from '../helpers/editor-page';
import { createOrganisation } from '../helpers/projects';
import { startTestServer, type TestServer } from '../helpers/server';

const clientDir = builtClient();

/** Two partners from two organisations in one project, each in a browser of their own (the second on a phone). */
async function twoPartners(server: TestServer) {
  const owner = await server.owner();
  const projectId = await server.project();
  const university = await createOrganisation(owner, 'Universidad del Campo');
  const partner = await server.signUp({ name: 'Diego', organisationId: university });
  await addMember(owner, projectId, partner, 'editor');
  const browser = await launchBrowser();
  const open = async (user: TestUser, width?: number) => {
    const context = await newPerson(browser, { width });
    await logInContext(context, server.url, user.cookie);
    return context.newPage();
  };
  return { owner, partner, projectId, university, ownerPage: await open(owner), partnerPage: await open(partner, 390) };
}

describe('knowledge documents, in real browsers', () => {
  it('two partners fill a capitalisation note from its template at once, and the knowledge base finds it', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const { ownerPage, partnerPage, projectId, university } = await twoPartners(server);

    // An empty knowledge base offers the templates.
    await ownerPage.goto(`${server.url}/p/${projectId}`);
    await ownerPage.getByTestId('kb-empty').waitFor();
    await ownerPage.getByTestId('kb-create-capitalisation').click();
    await ownerPage.waitForURL(/\/d\//);
    await waitConnected(ownerPage);
    await partnerPage.goto(ownerPage.url());
    await waitConnected(partnerPage);

    // Every section shows its guidance until someone writes there.
    const guided = (page: Page) => page.locator('[data-testid="editor"] p.section-guidance').count();
    await expect.poll(() => guided(ownerPage)).toBe(7);

    // Each starts a section of their own, then both type on at once. (Put into an empty paragraph at the
    // very moment a co-author's change arrives, the editor binding may restore the caret elsewhere.)
    await writeInSection(ownerPage, 'context', 'Three villages of Kaolack, with the farmers’ union.');
    await writeInSection(ownerPage, 'experience', 'Zaï ');
    await writeInSection(partnerPage, 'results', 'Millet ');
    await Promise.all([ownerPage.keyboard.type('pits dug on 12 plots in 2025.'), partnerPage.keyboard.type('yields rose by a third.')]);
    for (const page of [ownerPage, partnerPage]) {
      for (const text of ['Three villages of Kaolack', 'Zaï pits dug on 12 plots', 'Millet yields rose by a third']) {
        await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain(text);
      }
      await expect.poll(() => guided(page)).toBe(4);
    }
    // Each wrote under the heading they chose.
    const results = ownerPage.locator('[data-testid="editor"] h2[data-section="results"] + p');
    expect(await textWithoutCarets(results)).toBe('Millet yields rose by a third.');

    // The knowledge base finds it by kind and by the partner's organisation, not under another status.
    await ownerPage.goto(`${server.url}/p/${projectId}`);
    const rows = ownerPage.getByTestId('kb-document');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-kind')).toBe('capitalisation');
    await ownerPage.getByTestId('kb-filter-status-published').click();
    await ownerPage.getByTestId('kb-no-match').waitFor();
    await ownerPage.getByTestId('kb-filter-status-published').click();
    await ownerPage.getByTestId('kb-filter-kind-capitalisation').click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect
      .poll(async () => {
        await ownerPage.reload();
        return ownerPage.getByTestId('kb-filter-organisation').locator(`option[value="${university}"]`).count();
      }, { timeout: 10_000 })
      .toBe(1);
    await ownerPage.getByTestId('kb-filter-organisation').selectOption(university);
    await expect.poll(() => rows.count()).toBe(1);
    expect(ownerPage.url()).toContain('capitalisation');
  });

  it('two partners keep a trial-and-error log together, and one entry becomes a lessons-learned record', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const { owner, ownerPage, partnerPage, projectId } = await twoPartners(server);
    const created = await owner.api('POST', `/projects/${projectId}/documents`, { kind: 'trial_log', title: 'Drip trials' });
    const logId = ((await created.json()) as DocumentResponse).document.id;
    for (const page of [ownerPage, partnerPage]) {
      await page.goto(`${server.url}/d/${logId}`);
      await waitConnected(page);
      await page.getByTestId('trial-empty').waitFor();
    }

    await ownerPage.getByTestId('trial-add').click();
    await ownerPage.getByTestId('trial-field-tried').first().fill('Drip lines on two plots');
    await partnerPage.getByTestId('trial-add').click();
    await expect.poll(() => partnerPage.getByTestId('trial-entry').count()).toBe(2);
    await expect.poll(() => ownerPage.getByTestId('trial-entry').count()).toBe(2);
    await expect.poll(() => partnerPage.getByTestId('trial-field-tried').first().inputValue()).toBe('Drip lines on two plots');

    // The partner records what was learned and the outcome; the owner sees it and filters by it.
    await partnerPage.getByTestId('trial-field-learned').first().fill('Mulch halves the watering');
    await partnerPage.getByTestId('trial-outcome').first().selectOption('worked');
    await expect.poll(() => ownerPage.getByTestId('trial-field-learned').first().inputValue()).toBe('Mulch halves the watering');
    await ownerPage.getByTestId('trial-filter-worked').click();
    await expect.poll(() => ownerPage.getByTestId('trial-entry').count()).toBe(1);

    await ownerPage.getByTestId('trial-promote').first().click();
    await ownerPage.getByTestId('trial-promoted').waitFor();
    const backlinks = ownerPage.getByTestId('doc-backlinks');
    if (!(await backlinks.isVisible())) await ownerPage.getByTestId('doc-backlinks').scrollIntoViewIfNeeded();
    await expect.poll(() => backlinks.textContent(), { timeout: 10_000 }).toContain('Mulch halves the watering');

    // The record opens with the entry's words under the lesson heading.
    await backlinks.getByRole('link', { name: /Mulch halves the watering/ }).click();
    await ownerPage.waitForURL(/\/d\//);
    await waitConnected(ownerPage);
    const lesson = ownerPage.locator('[data-testid="editor"] h2[data-section="lesson"] + p');
    await expect.poll(() => textWithoutCarets(lesson)).toBe('Mulch halves the watering');
  });
});
