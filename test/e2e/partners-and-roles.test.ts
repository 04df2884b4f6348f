import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtClient, editorText, typeAtEnd, waitConnected, writeInSection } from '../helpers/editor-page';
import { launchBrowser, newPerson } from '../helpers/browser';
import { startTestServer } from '../helpers/server';

const clientDir = builtClient();

interface Person {
  name: string;
  email: string;
  organisation: string;
}

async function signUpThroughTheForm(page: Page, person: Person): Promise<void> {
  await page.getByTestId('signup-name').fill(person.name);
  await page.getByTestId('signup-email').fill(person.email);
  await page.getByTestId('signup-password').fill('a long enough password');
  const newOrganisation = page.getByTestId('signup-organisation-new');
  if (!(await newOrganisation.isChecked())) await newOrganisation.check();
  await page.getByTestId('signup-organisation-name').fill(person.organisation);
  await page.getByTestId('signup-organisation-kind').selectOption('ngo');
  await page.getByTestId('signup-organisation-country').selectOption('SN');
  await page.getByTestId('signup-submit').click();
}

async function createInvitation(page: Page, role: string): Promise<string> {
  await page.getByTestId('invite-role').selectOption(role);
  await page.getByTestId('invite-create').click();
  const link = page.getByTestId('invite-link');
  await expect.poll(() => link.inputValue()).toContain('/join/');
  return link.inputValue();
}

async function joinThroughTheLink(page: Page, link: string, person: Person): Promise<void> {
  await page.goto(link);
  await page.getByTestId('join-signup').click();
  await signUpThroughTheForm(page, person);
  await page.waitForURL(/\/join\//);
  await page.getByTestId('join-accept').click();
  await page.waitForURL(/\/p\//);
  await page.getByTestId('document-link').first().click();
  await waitConnected(page);
}



describe('partners from different organisations, in real browsers', () => {
  it('a facilitator invites a partner who co-edits, and a viewer can only read', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const browser = await launchBrowser();
    const facilitator = await (await newPerson(browser)).newPage();
    const partner = await (await newPerson(browser, { width: 390 })).newPage();
    const viewer = await (await newPerson(browser)).newPage();

    // The facilitator signs up, creates a project and a document.
    await facilitator.goto(server.url);
    await facilitator.waitForURL(/\/login/);
    await facilitator.getByTestId('to-signup').click();
    await signUpThroughTheForm(facilitator, { name: 'Aminata', email: 'aminata@ngo.example', organisation: 'Jappo NGO' });
    await facilitator.getByTestId('new-project').click();
    await facilitator.getByTestId('new-project-title').fill('Irrigation in Kaolack');
    await facilitator.getByTestId('new-project-submit').click();
    await facilitator.waitForURL(/\/p\//);
    const projectUrl = facilitator.url();
    // An empty knowledge base offers the templates.
    await facilitator.getByTestId('kb-create-capitalisation').click();
    await facilitator.waitForURL(/\/d\//);
    await waitConnected(facilitator);

    // An editor invitation for a partner from another organisation.
    await facilitator.goto(projectUrl);
    const editorLink = await createInvitation(facilitator, 'editor');
    await joinThroughTheLink(partner, editorLink, {
      name: 'Diego',
      email: 'diego@university.example',
      organisation: 'Universidad del Campo',
    });
    await facilitator.goto(projectUrl);
    await facilitator.getByTestId('document-link').first().click();
    await waitConnected(facilitator);

    // In two sections of the note's template at once.
    // Each starts where they write first: put into an empty paragraph at the very moment a co-author's
    // change arrives, the editor binding may restore the caret elsewhere.
    await typeAtEnd(facilitator, 'What ');
    await writeInSection(partner, 'context', 'What ');
    await Promise.all([facilitator.keyboard.type('we tried. '), partner.keyboard.type('the soil data says. ')]);
    for (const page of [facilitator, partner]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('What we tried.');
      await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('What the soil data says.');
    }
    // Each sees the other, with their organisation.
    await expect
      .poll(() => facilitator.getByTestId('participants').textContent())
      .toContain('Universidad del Campo');
    await expect.poll(() => partner.getByTestId('participants').textContent()).toContain('Jappo NGO');

    // The project now counts both organisations as partners.
    await facilitator.goto(projectUrl);
    await expect.poll(() => facilitator.getByTestId('partner-badge').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Jappo NGO'), expect.stringContaining('Universidad del Campo')]),
    );

    // A viewer sees a read-only banner, and typing changes nothing.
    const viewerLink = await createInvitation(facilitator, 'viewer');
    await joinThroughTheLink(viewer, viewerLink, { name: 'Wen', email: 'wen@ministry.example', organisation: 'Ministry' });
    await viewer.getByTestId('read-only-banner').waitFor();
    const before = await editorText(viewer);
    expect(before).toContain('What we tried.');
    await viewer.locator('[data-testid="editor"] .ProseMirror').click();
    await viewer.keyboard.type('Viewer was here');
    await viewer.waitForTimeout(300);
    expect(await editorText(viewer)).toBe(before);
    expect(await editorText(partner)).not.toContain('Viewer was here');
  });
});
