import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A workshop room open in `page`, its board synced with the server. */
export async function waitForRoom(page: Page, timeout = 15_000): Promise<void> {
  await page.getByTestId('workshop-room').waitFor({ timeout });
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout });
  await page.getByTestId('workshop-board').waitFor({ timeout });
}

export const column = (page: Page, name: string): Locator => page.locator(`[data-testid="workshop-column"][data-column="${name}"]`);

/** The note whose text is `text`, wherever it is on the board. */
export const note = (page: Page, text: string): Locator =>
  page.getByTestId('note').filter({ has: page.getByTestId('note-text').getByText(text, { exact: true }) });

/** Writes a sticky note in a column, as its composer does. */
export async function writeNote(page: Page, columnName: string, text: string, options: { anonymous?: boolean } = {}): Promise<void> {
  const composer = column(page, columnName).getByTestId('composer');
  // On a phone the column may be off to the side: the composer scrolls into view when filled.
  await composer.getByTestId('composer-text').fill(text);
  const anonymous = composer.getByTestId('composer-anonymous');
  if ((await anonymous.isChecked()) !== (options.anonymous ?? false)) await anonymous.click();
  await composer.getByTestId('composer-add').click();
  await note(page, text).waitFor();
}

/** The countdown, in seconds, as the page shows it ("4:05" → 245). */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('workshop-timer-digits').textContent()) ?? '';
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Puts `count` more dots on a note, one press at a time, waiting for each to show. */
export async function addDots(page: Page, text: string, count: number): Promise<void> {
  const card = note(page, text);
  for (let i = 0; i < count; i++) {
    const before = Number(await card.getByTestId('note-my-dots').getAttribute('data-dots'));
    await card.getByTestId('note-vote').click();
    await expect.poll(async () => Number(await card.getByTestId('note-my-dots').getAttribute('data-dots'))).toBe(before + 1);
  }
}
