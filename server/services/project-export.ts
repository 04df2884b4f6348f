import type { ExportFailure } from '../../shared/api';
import { findProject, listPartners } from '../storage/projects-repository';
import { exportModel } from '../transfer/export-model';
import { fileSlug } from '../transfer/file-names';
import { writeProjectArchive } from '../transfer/project-archive';
import { renderMarkdown } from '../transfer/render-markdown';
import { authorize } from './access';
import { projectContributions } from './attribution';
import type { Actor, ServiceDeps } from './context';
import { exportSource } from './document-export';
import { listProjectDocuments } from './documents';
import { listDocumentVersions } from './versions';

export interface ProjectArchive {
  filename: string;
  zip: Uint8Array;
  failures: ExportFailure[];
}

/**
 * Every document of a project the actor may read, as one zip (see
 * server/transfer/project-archive.ts): each as Markdown with its
 * annotations as footnotes, and beside it its metadata, versions (who and
 * when) and contribution map. `onProgress` hears of each document as it is
 * done; `onStart` of how many there are.
 */
export async function projectArchive(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  options: { baseUrl: string; onStart?(total: number): void; onProgress?(completed: number, failures: readonly ExportFailure[]): void },
): Promise<ProjectArchive> {
  await authorize(deps, actor, projectId, 'document.read');
  const [project, partners, documents, contributions] = await Promise.all([
    findProject(deps.db, projectId),
    listPartners(deps.db, [projectId]),
    listProjectDocuments(deps, actor, projectId),
    projectContributions(deps, actor, projectId),
  ]);
  options.onStart?.(documents.length);
  const { zip, failures } = await writeProjectArchive({
    project: {
      id: projectId,
      title: project?.title ?? '',
      programme: project?.programme ?? '',
      summary: project?.summary ?? '',
      partners: partners.map((p) => ({ id: p.id, name: p.name, kind: p.kind, country: p.country })),
      contributions,
    },
    documents,
    exportedAt: new Date(deps.clock()),
    exportedBy: { id: actor.id, name: actor.name },
    async exportOne(document) {
      const source = await exportSource(deps, actor, document.id, { annotations: true, baseUrl: options.baseUrl });
      const versions = await listDocumentVersions(deps, actor, document.id);
      return {
        markdown: renderMarkdown(exportModel(source)),
        metadata: {
          document: source.document,
          history: {
            versions: versions.map((v) => ({
              number: v.number,
              kind: v.kind,
              name: v.name,
              createdAt: v.createdAt,
              createdBy: v.createdBy?.name ?? null,
              editors: v.editors.map((e) => ({ name: e.name, organisation: e.organisation?.name ?? null })),
              characters: v.characters,
            })),
          },
          attribution: source.contributions,
          annotations: source.threads,
        },
      };
    },
    onProgress: options.onProgress,
  });
  return { filename: `${fileSlug(project?.title ?? '', 'project')}-${new Date(deps.clock()).toISOString().slice(0, 10)}.zip`, zip, failures };
}
