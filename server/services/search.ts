import type { z } from 'zod';
import type { SearchResponse, searchQuerySchema } from '../../shared/api';
import { ROOM_CHANNELS, roomId } from '../../shared/rooms';
import type { Logger } from '../logger';
import { searchEntries } from '../search/entries';
import { docFromStored } from '../storage/stored-doc';
import type { Actor, ServiceDeps } from './context';

/** Search across every document of every project the person is in. */
export async function search(deps: ServiceDeps, actor: Actor, query: z.output<typeof searchQuerySchema>): Promise<SearchResponse> {
  const hits = await deps.search.search(actor.id, query);
  return {
    results: hits.slice(0, query.limit).map((hit) => ({ ...hit, updatedAt: new Date(hit.updatedAt).toISOString() })),
    more: hits.length > query.limit,
  };
}


/** Indexes a document from storage, every room of it: for documents made or changed without a live session. */
export async function indexStoredDocument(deps: Pick<ServiceDeps, 'documentStore' | 'search'>, documentId: string): Promise<void> {
  await deps.documentStore.flush();
  for (const channel of ROOM_CHANNELS) {
    const doc = docFromStored(await deps.documentStore.load(roomId(documentId, channel)), () => {});
    await deps.search.replace(documentId, channel, searchEntries(channel, doc));
    doc.destroy();
  }
}

/**
 * Indexes, once, the documents that have no entry yet (written before
 * search existed, or before a crash let their first report through). Runs
 * beside the server, a batch at a time, and gives up quietly: a document
 * it misses is indexed when it next changes.
 */
export async function indexMissingDocuments(deps: Pick<ServiceDeps, 'documentStore' | 'search'>, logger: Logger): Promise<number> {
  let indexed = 0;
  try {
    for (let batch = await deps.search.unindexed(50); batch.length > 0; batch = await deps.search.unindexed(50)) {
      for (const documentId of batch) await indexStoredDocument(deps, documentId);
      indexed += batch.length;
    }
  } catch (error) {
    logger.error('could not index every document for search', { error });
  }
  return indexed;
}
