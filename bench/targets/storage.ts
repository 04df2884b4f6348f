import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atExit } from '../lifetime';

export interface StorageDir {
  path: string;
  /** Removes the folder, unless it belongs to the caller; safe to call more than once. */
  release(): void;
}

/**
 * A folder for a server's storage under the OS temp folder (the local disk
 * here, not tmpfs, so commits pay for their fsync), removed when released or
 * when the benchmark exits.
 */
export function makeStorageDir(prefix: string): StorageDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const forget = atExit(remove);
  return {
    path: dir,
    release() {
      remove();
      forget();
    },
  };
}

/** The caller's folder if it gave one (kept), else a fresh temporary one (removed on release). */
export function storageFor(given: string | undefined, prefix: string): StorageDir {
  return given ? { path: given, release: () => undefined } : makeStorageDir(prefix);
}
