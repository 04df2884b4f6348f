import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir';
import { loadConfig } from '../config';
import { AppError } from '../errors';
import { createLogger } from '../logger';
import { openServices } from '../server';
import { signUp, sessionFor } from './accounts';
import { createDocument } from './documents';
import { ProjectExportJobs } from './project-export-jobs';
import { createProject } from './projects';

async function setUp() {
  const opened = await openServices(loadConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'silent' }));
  onTestFinished(() => opened.close());
  const deps = opened.services;
  const { token } = await signUp(deps, {
    name: 'Awa',
    email: 'awa@example.org',
    password: 'a long enough password',
    newOrganisation: { name: 'Réseau Sahel', kind: 'ngo', country: 'SN' },
  });
  const actor = (await sessionFor(deps, token))!.user;
  const project = await createProject(deps, actor, { title: 'Irrigation' });
  await createDocument(deps, actor, project.id, { title: 'Capitalisation note' });
  return { deps, actor, projectId: project.id };
}

describe('ProjectExportJobs', () => {
  it('lets go of the oldest finished archives past the byte limit, never of the latest', async () => {
    const { deps, actor, projectId } = await setUp();
    // Room for one archive only: each new one pushes the one before out.
    const jobs = new ProjectExportJobs(deps, createLogger('silent'), { maxJobs: 50, maxArchiveBytes: 1 });
    const finished = async () => {
      const started = await jobs.start(actor, projectId, 'http://ensemble.test');
      await expect.poll(async () => (await jobs.status(actor, projectId, started.id)).done).toBe(true);
      return started.id;
    };
    const first = await finished();
    expect((await jobs.download(actor, projectId, first)).zip.byteLength).toBeGreaterThan(1);
    const second = await finished();
    expect((await jobs.download(actor, projectId, second)).zip.byteLength).toBeGreaterThan(1);
    const gone = await jobs.status(actor, projectId, first).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(AppError);
    expect((gone as AppError).code).toBe('not_found');
  });

  it('keeps every finished archive while they fit', async () => {
    const { deps, actor, projectId } = await setUp();
    const jobs = new ProjectExportJobs(deps, createLogger('silent'));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = await jobs.start(actor, projectId, 'http://ensemble.test');
      await expect.poll(async () => (await jobs.status(actor, projectId, started.id)).done).toBe(true);
      ids.push(started.id);
    }
    for (const id of ids) expect((await jobs.download(actor, projectId, id)).zip.byteLength).toBeGreaterThan(0);
  });
});
