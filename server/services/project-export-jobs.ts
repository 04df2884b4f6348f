import type { ExportFailure, ProjectExport } from '../../shared/api';
import { conflict, notFound } from '../errors';
import type { Logger } from '../logger';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { newId } from './ids';
import { type ProjectArchive, projectArchive } from './project-export';

/**
 * Project archives made in the background, so a large project shows its
 * progress: started by one person, who alone may follow and download it
 * while they can still read the project. Archives stay in memory for
 * KEEP_MS after they are done, within `ExportJobLimits`, then go (asked for
 * after, one is not found, and its maker exports again); a person asking again for a project
 * whose archive is still being made is given that one.
 */

const KEEP_MS = 60 * 60 * 1000;

export interface ExportJobLimits {
  /** Jobs held at once; the oldest finished ones go first past it. */
  maxJobs: number;
  /**
   * Bytes of finished archives held at once, so that exports, however many
   * and large, never take the instance's memory: the oldest go first past it,
   * but never the latest, which its maker has not fetched yet.
   */
  maxArchiveBytes: number;
}

const DEFAULT_LIMITS: ExportJobLimits = { maxJobs: 50, maxArchiveBytes: 256 * 1024 * 1024 };

interface Job {
  id: string;
  projectId: string;
  ownerId: string;
  createdAt: number;
  finishedAt: number | null;
  completed: number;
  total: number;
  failures: readonly ExportFailure[];
  archive: ProjectArchive | null;
  error: string | null;
}

export class ProjectExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly logger: Logger,
    private readonly limits: ExportJobLimits = DEFAULT_LIMITS,
  ) {}

  async start(actor: Actor, projectId: string, baseUrl: string): Promise<ProjectExport> {
    await authorize(this.deps, actor, projectId, 'document.read');
    this.prune();
    const running = [...this.jobs.values()].find((j) => j.ownerId === actor.id && j.projectId === projectId && j.finishedAt === null);
    if (running) return describe(running);
    const job: Job = {
      id: newId(),
      projectId,
      ownerId: actor.id,
      createdAt: this.deps.clock(),
      finishedAt: null,
      completed: 0,
      total: 0,
      failures: [],
      archive: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    projectArchive(this.deps, actor, projectId, {
      baseUrl,
      onStart: (total) => {
        job.total = total;
      },
      onProgress: (completed, failures) => {
        job.completed = completed;
        job.failures = [...failures];
      },
    }).then(
      (archive) => {
        job.archive = archive;
        job.failures = archive.failures;
        job.finishedAt = this.deps.clock();
        this.prune();
      },
      (error: unknown) => {
        this.logger.error('project export failed', { projectId, error });
        job.error = error instanceof Error ? error.message : String(error);
        job.finishedAt = this.deps.clock();
      },
    );
    return describe(job);
  }

  async status(actor: Actor, projectId: string, exportId: string): Promise<ProjectExport> {
    return describe(await this.find(actor, projectId, exportId));
  }

  async download(actor: Actor, projectId: string, exportId: string): Promise<ProjectArchive> {
    const job = await this.find(actor, projectId, exportId);
    if (job.error) throw conflict('export_not_ready', `The archive could not be made: ${job.error}`);
    if (!job.archive) throw conflict('export_not_ready', 'The archive is still being made');
    return job.archive;
  }

  /** The actor's own export of a project they may still read; anyone else's is not there for them. */
  private async find(actor: Actor, projectId: string, exportId: string): Promise<Job> {
    await authorize(this.deps, actor, projectId, 'document.read');
    this.prune();
    const job = this.jobs.get(exportId);
    if (!job || job.ownerId !== actor.id || job.projectId !== projectId) throw notFound('Export');
    return job;
  }

  private prune(): void {
    const now = this.deps.clock();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    let bytes = finished.reduce((sum, j) => sum + (j.archive?.zip.byteLength ?? 0), 0);
    const { maxJobs, maxArchiveBytes } = this.limits;
    while ((this.jobs.size > maxJobs || bytes > maxArchiveBytes) && finished.length > 1) {
      const oldest = finished.shift()!;
      bytes -= oldest.archive?.zip.byteLength ?? 0;
      this.jobs.delete(oldest.id);
    }
  }
}

function describe(job: Job): ProjectExport {
  const done = job.finishedAt !== null;
  return {
    id: job.id,
    projectId: job.projectId,
    completed: job.completed,
    total: job.total,
    progress: done ? 1 : job.total > 0 ? job.completed / job.total : 0,
    done,
    failures: [...job.failures],
    error: job.error,
    bytes: job.archive?.zip.length ?? null,
    createdAt: new Date(job.createdAt).toISOString(),
  };
}
