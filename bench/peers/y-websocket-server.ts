/**
 * The reference y-websocket server: `@y/websocket-server`'s own `server.js`,
 * line for line, with its own `ws` and `setupWSConnection`, except that it
 * listens on the port given (0: any free one) and prints the one it got.
 * Storage is the package's: in memory, or LevelDB (y-leveldb) in the folder
 * named by YPERSISTENCE, which its utils read when loaded. Run by
 * targets/y-websocket.ts as `node --import tsx bench/peers/y-websocket-server.ts`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { setupWSConnection } from '@y/websocket-server/utils';
import type { WebSocketServer } from 'ws';

// The package's own ws (6.x), not the one the rest of the project uses.
const requireFromPackage = createRequire(import.meta.resolve('@y/websocket-server/package.json'));
const WebSocket = requireFromPackage('ws') as { Server: typeof WebSocketServer };

const wss = new WebSocket.Server({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`y-websocket listening on port ${(server.address() as AddressInfo).port}\n`);
});
