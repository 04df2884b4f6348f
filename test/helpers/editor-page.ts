import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
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
  return page.locator('[data-testid="editor"] .ProseMirror').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function waitConnected(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout });
}
