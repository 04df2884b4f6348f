import { describe, expect, it } from 'vitest';
import { addMember } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, editorText, waitConnected, writeInSection } from '../helpers/editor-page';
import { createOrganisation } from '../helpers/projects';
import { startTestServer } from '../helpers/server';

const clientDir = builtClient();

describe('attribution, in real browsers', () => {
  it('colours each organisation’s words in the authorship view, and counts them in the project’s contribution map', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const owner = await server.owner();
    const projectId = await server.project();
    const university = await createOrganisation(owner, 'Universidad del Campo');
    const partner = await server.signUp({ name: 'Diego', organisationId: university });
    await addMember(owner, projectId, partner, 'editor');
    const created = await owner.api('POST', `/projects/${projectId}/documents`, { kind: 'field_finding', title: 'Soils' });
    const { document } = (await created.json()) as { document: { id: string } };

    const browser = await launchBrowser();
    const open = async (cookie: string) => {
      const context = await newPerson(browser);
      await logInContext(context, server.url, cookie);
      const page = await context.newPage();
      await page.goto(`${server.url}/d/${document.id}`);
      await waitConnected(page);
      return page;
    };
    const [ownerPage, partnerPage] = [await open(owner.cookie), await open(partner.cookie)];
    await Promise.all([
      writeInSection(ownerPage, 'site', 'Three villages of Kaffrine'),
      writeInSection(partnerPage, 'method', 'Soil pits every 50 m'),
    ]);
    await expect.poll(() => editorText(ownerPage), { timeout: 10_000 }).toContain('Soil pits every 50 m');

    await ownerPage.getByTestId('authorship-toggle').click();
    const legend = ownerPage.getByTestId('authorship-legend');
    await expect.poll(() => legend.locator(`[data-testid="authorship-legend-item"][data-organisation-id="${university}"]`).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => legend.locator(`[data-testid="authorship-legend-item"][data-organisation-id="${owner.organisationId}"]`).count()).toBe(1);
    // Each organisation's words carry its own colour.
    const colourOf = (words: string) =>
      ownerPage.locator('[data-testid="editor"] .authorship-run', { hasText: words }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [ngoColour, universityColour] = [await colourOf('Three villages'), await colourOf('Soil pits')];
    expect(ngoColour).not.toBe(universityColour);
    expect(ngoColour).not.toBe('rgba(0, 0, 0, 0)');

    // The project's contribution map counts both organisations' words.
    await ownerPage.goto(`${server.url}/p/${projectId}`);
    const map = ownerPage.getByTestId('project-contribution-map');
    await expect.poll(async () => (await map.textContent()) ?? '', { timeout: 10_000 }).toContain('Universidad del Campo');
    expect(await map.locator('svg').count()).toBeGreaterThan(0);
  }, 90_000);
});
