import type { DocumentResponse } from '../../shared/api';
import { addMember, type TestUser } from './accounts';
import { launchBrowser, logInContext, newPerson } from './browser';
import { waitConnected } from './editor-page';
import { createOrganisation } from './projects';
import { startTestServer, type TestServer } from './server';
import type { Page } from 'playwright-core';

export interface TwoOrganisations {
  server: TestServer;
  /** The project's owner, of an NGO of their own. */
  owner: TestUser;
  /** Diego, an editor from the university. */
  partner: TestUser;
  universityId: string;
  projectId: string;
  /** A field finding, made by the owner. */
  documentId: string;
  /** The document, connected, in a browser profile of its own logged in as `user`. */
  open(user: TestUser, options?: { width?: number }): Promise<Page>;
}

/**
 * The real server (with `env`) and two people of two organisations in one
 * project, with a document to write in together from real browsers.
 */
export async function startTwoOrganisations(env: Record<string, string>): Promise<TwoOrganisations> {
  const server = await startTestServer(env);
  const owner = await server.owner();
  const projectId = await server.project();
  const universityId = await createOrganisation(owner, 'Universidad del Campo');
  const partner = await server.signUp({ name: 'Diego', organisationId: universityId });
  await addMember(owner, projectId, partner, 'editor');
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { kind: 'field_finding', title: 'Soils' });
  const documentId = ((await created.json()) as DocumentResponse).document.id;
  const browser = await launchBrowser();
  return {
    server,
    owner,
    partner,
    universityId,
    projectId,
    documentId,
    async open(user, options = {}) {
      const context = await newPerson(browser, options);
      await logInContext(context, server.url, user.cookie);
      const page = await context.newPage();
      await page.goto(`${server.url}/d/${documentId}`);
      await waitConnected(page);
      return page;
    },
  };
}
