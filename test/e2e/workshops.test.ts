import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, createProject, type TestUser } from '../helpers/accounts';
import { launchBrowser, logInContext, newPerson } from '../helpers/browser';
import { builtClient, editorText, waitConnected } from '../helpers/editor-page';
import { startTestServer } from '../helpers/server';
import { addDots, column, note, timerSeconds, waitForRoom, writeNote } from '../helpers/workshop-page';

const clientDir = builtClient();

const PLANNED = 'Seed fairs in 12 villages before the rains';
const HAPPENED = 'Only 7 fairs took place';
const TRANSPORT = 'The transport contract was signed late';
const ROADS = 'Roads were cut by early rains';
const CERTIFICATION = 'Seed certification took three weeks';
const JANUARY = 'Sign transport contracts in January';

const onEvery = async (pages: Page[], check: (page: Page) => Promise<unknown>) => {
  for (const page of pages) await check(page);
};

describe('joint learning workshops, in real browsers', () => {
  it('a facilitator and three participants — a guest with the code, one on a phone — run an after-action review to a synthesis', async () => {
    const server = await startTestServer({ CLIENT_DIR: clientDir });
    const owner = await server.signUp({ name: 'Aïssatou', newOrganisation: { name: 'Terre Vivante', kind: 'ngo', country: 'SN' } });
    const projectId = await createProject(owner, 'Seed fairs');
    const diego = await server.signUp({ name: 'Diego', newOrganisation: { name: 'Universidad del Campo', kind: 'academic', country: 'PE' } });
    const moussa = await server.signUp({ name: 'Moussa', newOrganisation: { name: 'Union des producteurs', kind: 'farmers_organisation', country: 'SN' } });
    await addMember(owner, projectId, diego, 'editor');
    await addMember(owner, projectId, moussa, 'commenter');

    const browser = await launchBrowser();
    const open = async (user: TestUser | null, width?: number) => {
      const context = await newPerson(browser, { width });
      if (user) await logInContext(context, server.url, user.cookie);
      return context.newPage();
    };

    // The facilitator prepares the workshop from the project: a format, its agenda changed a little, three dots each.
    const facilitator = await open(owner);
    await facilitator.goto(`${server.url}/p/${projectId}`);
    await facilitator.getByTestId('workshops-empty').waitFor();
    await facilitator.getByTestId('new-workshop').click();
    await facilitator.getByTestId('workshop-title').fill('Looking back on the 2025 seed fairs');
    await facilitator.getByTestId('workshop-objective').fill('Agree on what to change for the next season');
    await facilitator.getByTestId('workshop-budget').fill('3');
    const steps = facilitator.getByTestId('agenda-step');
    expect(await steps.count()).toBe(6);
    await steps.first().getByTestId('agenda-step-minutes').fill('5');
    await steps.first().getByTestId('agenda-step-minutes').press('Tab');
    await steps.last().getByTestId('agenda-step-remove').click();
    await facilitator.getByTestId('agenda-add-step').click();
    await steps.last().getByTestId('agenda-step-method').selectOption('synthesis');
    expect(await steps.count()).toBe(6);
    await facilitator.getByTestId('workshop-create').click();
    await facilitator.waitForURL(/\/d\//);
    await waitForRoom(facilitator);
    const roomUrl = facilitator.url();
    await facilitator.getByTestId('facilitator-bar').waitFor();
    expect(await facilitator.getByTestId('workshop-step').getAttribute('data-method')).toBe('individual_writing');
    expect(await facilitator.getByTestId('workshop-timer-digits').textContent()).toBe('5:00');
    const code = (await facilitator.getByTestId('guest-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    // Diego opens the link like any document; Moussa on his phone; Fatou joins as a guest with the code.
    const diegoPage = await open(diego);
    await diegoPage.goto(roomUrl);
    const moussaPage = await open(moussa, 390);
    await moussaPage.goto(roomUrl);
    const guestPage = await open(null, 412);
    await guestPage.goto(`${server.url}/w/join/${code.toLowerCase()}`);
    await guestPage.getByTestId('guest-join').waitFor();
    expect(await guestPage.getByTestId('guest-join-title').textContent()).toBe('Looking back on the 2025 seed fairs');
    expect(await guestPage.getByTestId('guest-join-project').textContent()).toBe('Seed fairs');
    await guestPage.getByTestId('guest-name').fill('Fatou');
    await guestPage.getByTestId('guest-organisation').fill('Radio rurale');
    await guestPage.getByTestId('guest-kind').selectOption('local_expertise');
    await guestPage.getByTestId('guest-join-submit').click();
    await guestPage.waitForURL(roomUrl);
    const everyone = [facilitator, diegoPage, moussaPage, guestPage];
    await onEvery(everyone, waitForRoom);
    // The guest sees the workshop only: no way to the projects.
    expect(await guestPage.getByTestId('workshop-role').textContent()).toBe('Guest');
    expect(await guestPage.locator('.header-link').count()).toBe(0);
    expect(await guestPage.getByTestId('workshop-project-link').count()).toBe(0);
    expect(await moussaPage.getByTestId('workshop-role').textContent()).toBe('Participant');

    // Who is in the room shows by organisation and kind of stakeholder.
    await expect.poll(() => facilitator.getByTestId('presence-organisation').count(), { timeout: 10_000 }).toBe(4);
    const kinds = await facilitator.getByTestId('presence-kind').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-kind')));
    expect(kinds).toEqual(['ngo', 'farmers_organisation', 'academic', 'local_expertise']);

    // Silent writing: each writes in the columns; Moussa's note about the contract is anonymous.
    await writeNote(diegoPage, 'planned', PLANNED);
    await writeNote(diegoPage, 'happened', HAPPENED);
    await writeNote(moussaPage, 'why', TRANSPORT, { anonymous: true });
    await writeNote(guestPage, 'why', ROADS);
    await writeNote(diegoPage, 'why', CERTIFICATION);
    await writeNote(moussaPage, 'differently', JANUARY);
    await onEvery(everyone, (page) => expect.poll(() => page.getByTestId('note').count(), { timeout: 10_000 }).toBe(6));
    expect(await note(diegoPage, TRANSPORT).getByTestId('note-author').textContent()).toBe('Anonymous');
    expect(await note(facilitator, TRANSPORT).getByTestId('note-author').textContent()).toBe('Anonymous');
    expect(await note(moussaPage, TRANSPORT).getByTestId('note-author').textContent()).toBe('Yours (anonymous)');
    expect(await note(diegoPage, ROADS).getByTestId('note-author').textContent()).toBe('Fatou · Radio rurale');

    // The facilitator moves on and starts the timer: every screen shows the same step and the same countdown.
    await facilitator.getByTestId('step-next').click();
    await onEvery(everyone, (page) => expect.poll(() => page.getByTestId('workshop-step').getAttribute('data-method')).toBe('sharing'));
    await facilitator.getByTestId('timer-start').click();
    await onEvery(everyone, (page) => expect.poll(() => page.getByTestId('workshop-timer').getAttribute('data-status')).toBe('running'));
    const shown = await Promise.all(everyone.map(timerSeconds));
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
    expect(Math.min(...shown)).toBeGreaterThan(12 * 60 - 10);
    await expect.poll(() => timerSeconds(moussaPage), { timeout: 5000 }).toBeLessThan(Math.min(...shown));
    await facilitator.getByTestId('timer-pause').click();
    await onEvery(everyone, (page) => expect.poll(() => page.getByTestId('workshop-timer').getAttribute('data-status')).toBe('paused'));

    // Clustering: the facilitator makes a cluster and moves a note in with "Move to…"; Diego drags another in.
    await facilitator.getByTestId('step-next').click();
    await column(facilitator, 'why').getByTestId('new-cluster').click();
    await column(facilitator, 'why').getByTestId('new-cluster-title').fill('Late logistics');
    await column(facilitator, 'why').getByTestId('new-cluster-create').click();
    const cluster = (page: Page) => page.getByTestId('cluster').filter({ hasText: 'Late logistics' });
    await cluster(diegoPage).waitFor();
    await note(facilitator, TRANSPORT).getByTestId('note-move').selectOption({ label: 'Late logistics' });
    // Dragged once the board stands still: a note arriving mid-drag would move the target under the pointer.
    await expect.poll(() => cluster(diegoPage).getByTestId('note').count(), { timeout: 10_000 }).toBe(1);
    await note(diegoPage, CERTIFICATION).dragTo(cluster(diegoPage));
    await onEvery(everyone, (page) => expect.poll(() => cluster(page).getByTestId('note').count(), { timeout: 10_000 }).toBe(2));
    // Moussa may write and vote, not sort the board.
    expect(await moussaPage.getByTestId('note-move').count()).toBe(0);

    // Locked for a moment, the board takes nothing from anyone, and says so.
    await facilitator.getByTestId('lock-board').click();
    await onEvery(everyone, (page) => page.getByTestId('workshop-locked').waitFor());
    expect(await moussaPage.getByTestId('composer').count()).toBe(0);
    expect(await diegoPage.getByTestId('note-move').count()).toBe(0);
    await facilitator.getByTestId('lock-board').click();
    await onEvery(everyone, (page) => page.getByTestId('workshop-locked').waitFor({ state: 'detached' }));

    // Dot voting, three dots each; the results stay hidden until the reveal.
    await facilitator.getByTestId('step-next').click();
    // A dot the server refuses (here, as if placed from another tab meanwhile) is taken back, and the reason said.
    await diegoPage.route('**/api/v1/workshops/*/votes/*', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'vote_budget_exceeded', message: 'no dots left' } }) }),
    );
    await note(diegoPage, PLANNED).getByTestId('note-vote').click();
    await diegoPage.getByTestId('workshop-problem').getByText('You have no dots left', { exact: false }).waitFor();
    expect(await note(diegoPage, PLANNED).getByTestId('note-my-dots').getAttribute('data-dots')).toBe('0');
    await diegoPage.unroute('**/api/v1/workshops/*/votes/*');
    await addDots(diegoPage, TRANSPORT, 2);
    await addDots(diegoPage, HAPPENED, 1);
    expect(await diegoPage.getByTestId('dots-left').getAttribute('data-left')).toBe('0');
    expect(await note(diegoPage, PLANNED).getByTestId('note-vote').isDisabled()).toBe(true);
    await note(diegoPage, HAPPENED).getByTestId('note-unvote').click();
    await expect.poll(() => diegoPage.getByTestId('dots-left').getAttribute('data-left')).toBe('1');
    await addDots(diegoPage, HAPPENED, 1);
    await addDots(moussaPage, ROADS, 2);
    await addDots(moussaPage, TRANSPORT, 1);
    await addDots(guestPage, TRANSPORT, 1);
    await addDots(guestPage, JANUARY, 2);
    await onEvery(everyone, async (page) => expect(await page.getByTestId('note-votes').count()).toBe(0));

    await facilitator.getByTestId('reveal-votes').click();
    await onEvery(everyone, (page) =>
      expect.poll(() => note(page, TRANSPORT).getByTestId('note-votes').getAttribute('data-votes'), { timeout: 10_000 }).toBe('4'),
    );
    expect(await cluster(moussaPage).getByTestId('cluster-votes').getAttribute('data-votes')).toBe('4');
    expect(await note(diegoPage, ROADS).getByTestId('note-votes').getAttribute('data-votes')).toBe('2');

    await facilitator.getByTestId('reveal-authors').click();
    await expect.poll(() => note(diegoPage, TRANSPORT).getByTestId('note-author').textContent()).toBe('Moussa · Union des producteurs');

    // The facilitator ends the workshop: the board is a read-only record for everyone.
    await facilitator.getByTestId('end-workshop').click();
    await facilitator.getByTestId('end-workshop-confirm').click();
    await onEvery([facilitator, diegoPage, moussaPage], (page) => page.getByTestId('workshop-ended').waitFor());
    // The guest's access ends with it; they keep the board as it was on their screen.
    await guestPage.getByTestId('guest-access-ended').waitFor();
    expect(await note(guestPage, ROADS).isVisible()).toBe(true);
    await onEvery(everyone, async (page) => expect(await page.getByTestId('composer').count()).toBe(0));
    expect(await diegoPage.getByTestId('note-vote').count()).toBe(0);

    // The synthesis: a lessons-learned record with the top clusters, their notes and their votes.
    await facilitator.getByTestId('open-synthesis').click();
    await facilitator.getByTestId('synthesis-top').fill('3');
    await facilitator.getByTestId('synthesis-create').click();
    await facilitator.waitForURL((url) => url.pathname.startsWith('/d/') && url.href !== roomUrl);
    await waitConnected(facilitator);
    await expect.poll(() => editorText(facilitator), { timeout: 10_000 }).toContain('Late logistics');
    const text = await editorText(facilitator);
    expect(text).toContain(`${TRANSPORT} (4 votes)`);
    expect(text).toContain(`${CERTIFICATION} (0 votes)`);
    expect(text).toContain(`${ROADS} (2 votes)`);

    // The project lists the workshop, ended, with its notes; the knowledge base holds it beside the record it led to.
    await facilitator.goto(`${server.url}/p/${projectId}`);
    const row = facilitator.getByTestId('workshop-row');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/6 notes.*Ended/);
    await expect
      .poll(() => facilitator.getByTestId('kb-document').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')).sort()))
      .toEqual(['lessons', 'workshop']);
  }, 180_000);
});
