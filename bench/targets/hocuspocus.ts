import path from 'node:path';
import { launchTarget } from './launch';
import { namedDocuments } from './named-documents';
import type { StartOptions, Target } from './target';

/**
 * `@hocuspocus/server` with `@hocuspocus/extension-sqlite` on a file, every
 * other setting at its default (bench/peers/hocuspocus-server.ts). Its
 * clients use `@hocuspocus/provider`.
 */
export const hocuspocusTarget: Target = {
  name: 'hocuspocus',
  protocol: 'hocuspocus',
  durability: {
    storage:
      'SQLite (better-sqlite3, rollback journal): the whole document state, rewritten by a debounced onStoreDocument, ' +
      'and at once when the last client leaves',
    storedBeforeBroadcast: false,
    settings: { debounce: 2000, maxDebounce: 10_000, unloadImmediately: true, journal_mode: 'DELETE', synchronous: 'FULL' },
  },
  start: ({ nodeArgs = [], storageDir }: StartOptions = {}) =>
    launchTarget({
      name: 'hocuspocus',
      storageDir,
      nodeArgs,
      script: (storage) => ['bench/peers/hocuspocus-server.ts', path.join(storage, 'hocuspocus.sqlite')],
      env: () => ({}),
      ready: /^Hocuspocus listening on port (\d+)$/m,
      wsUrl: (port) => `ws://127.0.0.1:${port}`,
      createDocument: () => namedDocuments(),
    }),
};
