import { describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentSummary, UpdateDocumentInput } from '../../shared/api';
import { ApiError, type ApiClient } from '../lib/api';
import { createDocumentMetaStore } from './document-meta';

const loaded: DocumentDetail = {
  id: 'doc_1',
  projectId: 'p_1',
  title: 'Rice trials',
  kind: 'lessons',
  status: 'draft',
  statusChange: null,
  language: 'fr',
  themes: ['water'],
  tags: ['rice'],
  contributors: [],
  createdAt: '2024-03-01T10:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z',
  projectTitle: 'Sahel programme',
  myRole: 'editor',
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A server whose answers to saves come when the test says, in any order. */
function fakeServer() {
  const saves: Array<{ input: UpdateDocumentInput; accept(): void; refuse(): void }> = [];
  let stored: DocumentSummary = { ...loaded };
  const api = {
    getDocument: () => Promise.resolve(loaded),
    documentLinks: () => Promise.resolve({ outgoing: [], backlinks: [] }),
    updateDocument: (_id: string, input: UpdateDocumentInput) =>
      new Promise<DocumentSummary>((resolve, reject) => {
        saves.push({
          input,
          accept() {
            stored = { ...stored, ...input, title: input.title?.trim() ?? stored.title, updatedAt: new Date().toISOString() };
            resolve(stored);
          },
          refuse: () => reject(new ApiError(422, 'validation_failed', 'refused')),
        });
      }),
  } as Partial<ApiClient> as ApiClient;
  return { api, saves };
}

async function loadedStore() {
  const server = fakeServer();
  const meta = createDocumentMetaStore(server.api, 'doc_1');
  await settle();
  return { meta, saves: server.saves };
}

describe('createDocumentMetaStore update', () => {
  it('shows a change at once and keeps what the server says of it', async () => {
    const { meta, saves } = await loadedStore();
    const saving = meta.update({ title: '  Rice trials, 2024 ' });
    expect(meta.document()?.title).toBe('Rice trials, 2024');
    saves[0]!.accept();
    await saving;
    expect(meta.document()?.title).toBe('Rice trials, 2024');
    expect(meta.document()?.myRole).toBe('editor');
  });

  it('puts a refused field back and rethrows', async () => {
    const { meta, saves } = await loadedStore();
    const saving = meta.update({ tags: ['rice', 'drip'] });
    saves[0]!.refuse();
    await expect(saving).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.tags).toEqual(['rice']);
  });

  it('puts back a field whose save failed while another field’s save is on its way', async () => {
    const { meta, saves } = await loadedStore();
    const themes = meta.update({ themes: ['water', 'soil'] });
    const tags = meta.update({ tags: ['rice', 'drip'] });
    saves[0]!.refuse();
    await expect(themes).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.themes).toEqual(['water']);
    expect(meta.document()?.tags).toEqual(['rice', 'drip']);
    saves[1]!.refuse();
    await expect(tags).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.themes).toEqual(['water']);
    expect(meta.document()?.tags).toEqual(['rice']);
  });

  it('keeps a field saved before another field’s save failed', async () => {
    const { meta, saves } = await loadedStore();
    const language = meta.update({ language: 'es' });
    const title = meta.update({ title: 'Too long' });
    saves[0]!.accept();
    await language;
    saves[1]!.refuse();
    await expect(title).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.language).toBe('es');
    expect(meta.document()?.title).toBe('Rice trials');
  });

  it('goes back to the field’s last confirmed value when its latest save fails', async () => {
    const { meta, saves } = await loadedStore();
    const first = meta.update({ tags: ['rice', 'drip'] });
    const second = meta.update({ tags: ['rice', 'drip', 'mulch'] });
    saves[0]!.accept();
    await first;
    // The earlier answer does not undo what the latest save shows.
    expect(meta.document()?.tags).toEqual(['rice', 'drip', 'mulch']);
    saves[1]!.refuse();
    await expect(second).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.tags).toEqual(['rice', 'drip']);
  });

  it('shows an earlier save of a field that succeeds after its latest one failed', async () => {
    const { meta, saves } = await loadedStore();
    const first = meta.update({ tags: ['rice', 'drip'] });
    const second = meta.update({ tags: ['rice', 'drip', 'mulch'] });
    saves[1]!.refuse();
    await expect(second).rejects.toBeInstanceOf(ApiError);
    expect(meta.document()?.tags).toEqual(['rice']);
    saves[0]!.accept();
    await first;
    expect(meta.document()?.tags).toEqual(['rice', 'drip']);
  });

  it('keeps the latest save of a field when an earlier one is answered after it', async () => {
    const { meta, saves } = await loadedStore();
    const first = meta.update({ themes: ['soil'] });
    const second = meta.update({ themes: ['soil', 'seeds'] });
    saves[1]!.accept();
    await second;
    saves[0]!.accept();
    await first;
    expect(meta.document()?.themes).toEqual(['soil', 'seeds']);
  });
});

describe('createDocumentMetaStore refreshActivity', () => {
  const dakar = { id: 'org_1', name: 'Dakar Farmers Union', kind: 'farmers_organisation', color: '#2a7' } as const;
  const cusco = { id: 'org_2', name: 'Universidad de Cusco', kind: 'academic', color: '#a27' } as const;

  /** A server whose answers to reads come when the test says, and which has recorded new writers meanwhile. */
  function slowReads() {
    const reads: Array<(detail: DocumentDetail | Error) => void> = [];
    const api = {
      // The page's first read is answered at once; the later ones wait.
      getDocument: () =>
        reads.length === 0
          ? (reads.push(() => {}), Promise.resolve(loaded))
          : new Promise<DocumentDetail>((resolve, reject) =>
              reads.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))),
            ),
      documentLinks: () => Promise.resolve({ outgoing: [], backlinks: [] }),
      updateDocument: () => new Promise<DocumentSummary>(() => {}),
    } as Partial<ApiClient> as ApiClient;
    return { api, answer: (i: number, detail: DocumentDetail | Error) => reads[i]!(detail) };
  }

  it('shows the new contributors and activity, and leaves a save on its way showing what it asks for', async () => {
    const server = slowReads();
    const meta = createDocumentMetaStore(server.api, 'doc_1');
    await settle();
    void meta.update({ tags: ['rice', 'drip'] });
    meta.refreshActivity();
    // Read before the save was answered: the server still has the old tags.
    server.answer(1, { ...loaded, title: 'Renamed elsewhere', contributors: [dakar], updatedAt: '2024-03-02T09:00:00.000Z' });
    await settle();
    expect(meta.document()?.contributors).toEqual([dakar]);
    expect(meta.document()?.updatedAt).toBe('2024-03-02T09:00:00.000Z');
    expect(meta.document()?.tags).toEqual(['rice', 'drip']);
    expect(meta.document()?.title).toBe('Rice trials');
  });

  it('keeps the newer answer when answers cross, and what shows when asking fails', async () => {
    const server = slowReads();
    const meta = createDocumentMetaStore(server.api, 'doc_1');
    await settle();
    meta.refreshActivity();
    meta.refreshActivity();
    server.answer(2, { ...loaded, contributors: [dakar, cusco] });
    await settle();
    server.answer(1, { ...loaded, contributors: [dakar] });
    await settle();
    expect(meta.document()?.contributors).toEqual([dakar, cusco]);

    meta.refreshActivity();
    server.answer(3, new TypeError('Failed to fetch'));
    await settle();
    expect(meta.document()?.contributors).toEqual([dakar, cusco]);
  });
});
