import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { buildClient } from './browser';
import { tempDir } from './temp-dir';

/** Builds the real client once for the test file that calls it; returns the folder for CLIENT_DIR. */
export function builtClient(): string {
  const clientDir = path.join(tempDir.persistent('ensemble-e2e-client-'), 'client');
  beforeAll(() => buildClient(clientDir), 180_000);
  return clientDir;
}

/** The document's text without the other people's caret labels. */
export function editorText(page: Page): Promise<string> {
  return textWithoutCarets(page.locator('[data-testid="editor"] .ProseMirror'));
}

/** The text of a part of the editor, without the other people's caret labels. */
export function textWithoutCarets(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

/**
 * Types into the paragraph that follows a template section's heading. A
 * co-author's typing above can move the paragraph between finding it and
 * clicking it: the click is repeated until the caret is really there, for
 * longer than the default 5 s (two browsers beside the other test files
 * took more once in a fresh-clone run).
 */
export async function writeInSection(page: Page, section: string, text: string): Promise<void> {
  const paragraph = page.locator(`[data-testid="editor"] h2[data-section="${section}"] + p`);
  await expect
    .poll(
      async () => {
        await paragraph.click();
        return paragraph.evaluate((p) => p.contains(window.getSelection()?.anchorNode ?? null));
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.keyboard.type(text);
}

export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function waitConnected(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout });
}
