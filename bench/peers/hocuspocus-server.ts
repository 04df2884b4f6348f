/**
 * Hocuspocus as its documentation sets it up, with its SQLite extension
 * storing to a file, and every other setting at its default. Run by
 * targets/hocuspocus.ts as
 * `node --import tsx bench/peers/hocuspocus-server.ts <database file>`;
 * prints its port once it listens. SIGTERM makes it store what is pending
 * and exit (its own `stopOnSignals`).
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.argv[2];
if (!database) throw new Error('usage: hocuspocus-server.ts <database file>');

const server = new Server({ address: '127.0.0.1', port: 0, quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
process.stdout.write(`Hocuspocus listening on port ${server.address.port}\n`);
