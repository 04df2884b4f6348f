import * as Y from 'yjs';
import { openProvider } from './providers';
import { countRecordsByClient, sha1, TEXT_NAME } from './records';
import type { Endpoint, LoadReport } from './worker-protocol';

/** Times one fresh client from opening its provider to holding the whole document. */
export function timeLoad(
  endpoint: Endpoint,
  documentId: string,
  expectedLength: number,
  settleMs: number,
  timeoutMs: number,
): Promise<LoadReport> {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const started = performance.now();
  const provider = openProvider(endpoint.protocol, { wsUrl: endpoint.wsUrls[0]!, wsHeaders: endpoint.wsHeaders, documentId }, doc);
  let syncedMs: number | null = null;
  let completeMs: number | null = null;

  return new Promise<LoadReport>((resolve) => {
    let settle: NodeJS.Timeout | null = null;
    const timeout = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timeout);
      if (settle) clearTimeout(settle);
      const content = text.toString();
      provider.destroy();
      doc.destroy();
      resolve({
        documentId,
        syncedMs,
        completeMs,
        length: content.length,
        sha1: sha1(content),
        recordsByClient: countRecordsByClient(content),
      });
    };
    const check = () => {
      if (completeMs !== null) return;
      if (text.length >= expectedLength) {
        completeMs = performance.now() - started;
        // The sync reply that brought the whole text completes the sync too, just after this.
        syncedMs ??= completeMs;
        return finish();
      }
      // Some servers send what they load from storage after the sync: wait while updates keep coming.
      if (syncedMs !== null) {
        if (settle) clearTimeout(settle);
        settle = setTimeout(finish, settleMs);
      }
    };
    provider.onSynced(() => {
      syncedMs ??= performance.now() - started;
      check();
    });
    doc.on('update', check);
  });
}
