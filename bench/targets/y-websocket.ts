import path from 'node:path';
import { launchTarget } from './launch';
import { namedDocuments } from './named-documents';
import type { StartOptions, Target } from './target';

/**
 * The reference server, `@y/websocket-server` 0.1.1 (the last release for
 * yjs 13), run as its own bin/server.js runs it (bench/peers/y-websocket-server.ts).
 * `y-websocket` uses its LevelDB persistence (y-leveldb), so that it keeps
 * documents as the other targets do; `y-websocket-memory` is its default of
 * keeping them in memory only.
 */
function yWebsocketTarget({ memory }: { memory: boolean }): Target {
  const name = memory ? 'y-websocket-memory' : 'y-websocket';
  return {
    name,
    protocol: 'y-websocket',
    durability: memory
      ? { storage: 'none: documents live in memory while a client is connected', storedBeforeBroadcast: false, settings: {} }
      : {
          storage:
            'LevelDB (y-leveldb, YPERSISTENCE): every update appended, unsynced, after it is broadcast; ' +
            'merged when a document with more than 500 stored updates is loaded',
          storedBeforeBroadcast: false,
          settings: { YPERSISTENCE: '<storage folder>/leveldb', leveldbSync: false },
        },
    start: ({ nodeArgs = [], storageDir }: StartOptions = {}) =>
      launchTarget({
        name,
        storageDir,
        nodeArgs,
        script: () => ['bench/peers/y-websocket-server.ts'],
        env: (storage): Record<string, string> => ({ PORT: '0', ...(memory ? {} : { YPERSISTENCE: path.join(storage, 'leveldb') }) }),
        ready: /^y-websocket listening on port (\d+)$/m,
        wsUrl: (port) => `ws://127.0.0.1:${port}`,
        createDocument: () => namedDocuments(),
      }),
  };
}

export const yWebsocketTargets: Target[] = [yWebsocketTarget({ memory: false }), yWebsocketTarget({ memory: true })];
