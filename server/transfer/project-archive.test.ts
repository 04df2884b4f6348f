import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api';
import { ARCHIVE_FORMAT, writeProjectArchive } from './project-archive';

const summary = (id: string, title: string): DocumentSummary => ({
  id,
  projectId: 'p1',
  title,
  kind: 'capitalisation',
  status: 'draft',
  statusChange: null,
  language: 'fr',
  themes: [],
  tags: [],
  contributors: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
});

describe('a project archive', () => {
  it('holds every document as Markdown and JSON, lists one that failed with the reason, and reports progress', async () => {
    const documents = [summary('d1', 'Leçons de Thiès'), summary('d2', 'Cassé'), summary('d3', '')];
    const progress: Array<[number, number]> = [];
    const { zip, failures } = await writeProjectArchive({
      project: { id: 'p1', title: 'Résilience', programme: 'Sahel' },
      documents,
      exportedAt: new Date('2025-03-10T00:00:00Z'),
      exportedBy: { id: 'u1', name: 'Awa' },
      async exportOne(document) {
        if (document.id === 'd2') throw new Error('its content could not be read');
        return { markdown: `# ${document.title}\n`, metadata: { document } };
      },
      onProgress: (completed, failed) => progress.push([completed, failed.length]),
    });
    expect(failures).toEqual([{ documentId: 'd2', title: 'Cassé', error: 'its content could not be read' }]);
    expect(progress).toEqual([[1, 0], [2, 1], [3, 1]]);

    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'documents/document-d3.json',
      'documents/document-d3.md',
      'documents/lecons-de-thies-d1.json',
      'documents/lecons-de-thies-d1.md',
      'manifest.json',
      'project.json',
    ]);
    expect(strFromU8(files['documents/lecons-de-thies-d1.md']!)).toBe('# Leçons de Thiès\n');
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: ARCHIVE_FORMAT, version: 1, project: { id: 'p1', title: 'Résilience' }, failures });
    expect(manifest.documents.map((d: { id: string; exported: boolean; error?: string }) => [d.id, d.exported, d.error])).toEqual([
      ['d1', true, undefined],
      ['d2', false, 'its content could not be read'],
      ['d3', true, undefined],
    ]);
    expect(JSON.parse(strFromU8(files['project.json']!))).toEqual({ id: 'p1', title: 'Résilience', programme: 'Sahel' });
  });
});
