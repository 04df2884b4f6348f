import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir';
import { WalSync } from './wal-sync';

/** Holds every fdatasync until the test lets it finish, in the order they began. */
function holdSyncs() {
  const held: Array<(error: NodeJS.ErrnoException | null) => void> = [];
  vi.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    held.push(done);
  }) as typeof fs.fdatasync);
  return {
    started: () => held.length,
    finish: (i: number, error: NodeJS.ErrnoException | null = null) => held[i]!(error),
  };
}

function walFile(): string {
  const file = path.join(tempDir(), 'ensemble.sqlite-wal');
  fs.writeFileSync(file, 'log');
  return file;
}

/** Whether `promise` has settled, after every pending callback has had its turn. */
async function settled(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((r) => setImmediate(r));
  return state;
}

describe('WalSync', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers a commit made during a sync only with the sync that starts after it', async () => {
    const syncs = holdSyncs();
    const log = new WalSync(walFile());
    const first = log.sync();
    const second = log.sync();
    const third = log.sync();
    expect(syncs.started()).toBe(1);

    syncs.finish(0);
    expect(await settled(first)).toBe('resolved');
    // The running sync may have begun before their commits: they wait for one more, shared.
    expect(await settled(second)).toBe('pending');
    expect(await settled(third)).toBe('pending');
    expect(syncs.started()).toBe(2);

    syncs.finish(1);
    expect(await settled(second)).toBe('resolved');
    expect(await settled(third)).toBe('resolved');
    expect(syncs.started()).toBe(2);
  });

  it('fails every later sync once one has failed: what followed in the log cannot be called durable', async () => {
    const syncs = holdSyncs();
    const log = new WalSync(walFile());
    const failing = log.sync();
    const queued = log.sync();
    syncs.finish(0, Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await expect(failing).rejects.toThrow('restart the server');
    await expect(failing).rejects.toHaveProperty('cause.code', 'EIO');
    await expect(queued).rejects.toThrow('restart the server');
    await expect(log.sync()).rejects.toThrow('restart the server');
    expect(syncs.started()).toBe(1);
  });

  it('really syncs the file it was given, and refuses to sync once closed', async () => {
    const file = walFile();
    const fdatasync = vi.spyOn(fs, 'fdatasync');
    const log = new WalSync(file);
    await log.sync();
    const fd = fdatasync.mock.calls[0]![0];
    expect(fs.fstatSync(fd).ino).toBe(fs.statSync(file).ino);
    log.close();
    await expect(log.sync()).rejects.toThrow('closed');
  });

  it('closes its descriptor only after the syncs already asked for', async () => {
    const syncs = holdSyncs();
    const close = vi.spyOn(fs, 'closeSync');
    const log = new WalSync(walFile());
    const first = log.sync();
    const second = log.sync();
    log.close();
    log.close();
    syncs.finish(0);
    await first;
    expect(syncs.started()).toBe(2);
    expect(close).not.toHaveBeenCalled();
    syncs.finish(1);
    await second;
    await new Promise((r) => setImmediate(r));
    expect(close).toHaveBeenCalledTimes(1);
  });
});
