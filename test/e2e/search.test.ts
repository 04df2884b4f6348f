import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateDocumentInput, DocumentResponse, SearchResponse } from '../../shared/api';
import { createProject, type TestUser } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, waitConnected, writeInSection } from '../helpers/editor-page';
import { startTestServer, type TestServer } from '../helpers/server';

const clientDir = builtClient();

async function createDocument(user: TestUser, projectId: string, input: CreateDocumentInput): Promise<string> {
  const response = await user.api('POST', `/projects/${projectId}/documents`, input);
  if (response.status !== 201) throw new Error(`creating a document answered ${response.status}`);
  return ((await response.json()) as DocumentResponse).document.id;
}

/** The ids of the documents `user` finds for `q`, as the API answers. */
async function found(user: TestUser, q: string): Promise<string[]> {
  const response = await user.api('GET', `/search?q=${encodeURIComponent(q)}`);
  if (response.status !== 200) throw new Error(`searching answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as SearchResponse).results.map((result) => result.documentId);
}

async function openAs(server: TestServer, user: TestUser, width?: number): Promise<Page> {
  const context = await newPerson(await launchBrowser(), { width });
  await logInContext(context, server.url, user.cookie);
  return context.newPage();
}

const marks = (page: Page, testId: string) => page.getByTestId(testId).locator('mark').allTextContents();

describe('search, in a real browser', () => {
  it('finds French and Spanish words typed without accents, filters them, opens them, and shows them to no one else', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const owner = await server.owner();
    const projectId = await server.project();
    const note = await createDocument(owner, projectId, { kind: 'capitalisation', title: 'Kaolack 2025', language: 'fr' });
    const record = await createDocument(owner, projectId, { kind: 'lessons', title: 'Cusco', language: 'es' });
    const page = await openAs(server, owner);

    // Someone writes in each document; what they wrote is soon found.
    await page.goto(`${server.url}/d/${note}`);
    await waitConnected(page);
    await writeInSection(page, 'context', 'Évaluation de la capitalisation des pratiques paysannes.');
    await expect.poll(() => found(owner, 'evaluation'), { timeout: 10_000 }).toEqual([note]);
    await page.goto(`${server.url}/d/${record}`);
    await waitConnected(page);
    await writeInSection(page, 'lesson', 'La capitalización de las experiencias campesinas.');
    await expect.poll(() => found(owner, 'capitalizacion'), { timeout: 10_000 }).toEqual([record]);

    // From another page, Ctrl+K opens the quick search; results come as one types, without accents.
    await page.goto(`${server.url}/p/${projectId}`);
    await page.getByTestId('knowledge-base').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('quick-search-input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('evaluation');
    const quickResults = page.getByTestId('quick-search-result');
    await expect.poll(() => marks(page, 'quick-search')).toEqual(['Évaluation']);
    expect(await quickResults.count()).toBe(1);
    expect(await quickResults.first().getAttribute('href')).toBe(`/d/${note}`);
    await input.fill('capitalizacion');
    await expect.poll(() => marks(page, 'quick-search')).toEqual(['capitalización']);
    expect(await quickResults.count()).toBe(1);

    // The arrows choose a result; Escape closes and gives the focus back.
    await page.keyboard.press('ArrowDown');
    expect(await quickResults.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByTestId('quick-search').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-button');

    // "/" opens it too; Enter with no result chosen opens the results page, which finds both.
    await page.keyboard.press('/');
    await input.waitFor();
    await page.keyboard.type('capitali');
    await expect.poll(() => quickResults.count()).toBe(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=capitali$/);
    const results = page.getByTestId('search-result');
    await expect.poll(() => results.count()).toBe(2);
    expect((await marks(page, 'search-result')).sort()).toEqual(['capitalisation', 'capitalización']);

    // Filtering by kind keeps the filter in the URL, so the search can be shared.
    await page.getByTestId('search-filter-kind').selectOption('lessons');
    await page.waitForURL(/kind=lessons/);
    await expect.poll(() => results.count()).toBe(1);
    await page.reload();
    await expect.poll(() => marks(page, 'search-result')).toEqual(['capitalización']);
    expect(await page.getByTestId('search-filter-kind').inputValue()).toBe('lessons');

    // A result opens its document.
    await results.first().getByRole('link').click();
    await page.waitForURL(`${server.url}/d/${record}`);
    await waitConnected(page);
    expect(await page.getByTestId('title-input').inputValue()).toBe('Cusco');

    // Someone of another project, on a phone, finds none of it: not in the API, not in the page.
    const outsider = await server.signUp({ name: 'Outsider' });
    await createProject(outsider, 'Another programme');
    expect(await found(outsider, 'capitali')).toEqual([]);
    expect(await found(outsider, 'evaluation')).toEqual([]);
    const phone = await openAs(server, outsider, 390);
    await phone.goto(`${server.url}/search?q=capitali`);
    await phone.getByTestId('search-no-results').waitFor();
    expect(await phone.getByTestId('search-result').count()).toBe(0);
    await phone.getByTestId('search-button').click();
    await phone.keyboard.type('evaluation');
    await expect.poll(() => phone.getByTestId('quick-search-status').textContent()).toContain('Nothing found');
    expect(await phone.getByTestId('quick-search-result').count()).toBe(0);
  }, 120_000);
});
