import net from 'node:net';
import { onTestFinished } from 'vitest';

export interface LinkProxy {
  /** http://127.0.0.1:<port> — the address a browser page should use. */
  url: string;
  /** Cuts the collaboration websockets and refuses new ones; pages still load. */
  goOffline(): void;
  goOnline(): void;
}

/**
 * A TCP proxy in front of the server that can drop the websocket link the way
 * a field connection drops: open sockets die, new ones fail, while ordinary
 * HTTP (the page itself) still passes, so a reload works while "offline".
 */
export async function startLinkProxy(target: string): Promise<LinkProxy> {
  const { hostname, port } = new URL(target);
  let offline = false;
  const websockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    client.once('data', (first) => {
      const isWebsocket = first.subarray(0, 64).toString('latin1').startsWith('GET /collab/');
      if (isWebsocket && offline) {
        client.destroy();
        return;
      }
      const upstream = net.connect(Number(port), hostname, () => {
        upstream.write(first);
        client.pipe(upstream).pipe(client);
      });
      const pair = [client, upstream];
      const closeBoth = () => {
        for (const s of pair) s.destroy();
        websockets.delete(client);
      };
      client.on('error', closeBoth).on('close', closeBoth);
      upstream.on('error', closeBoth).on('close', closeBoth);
      if (isWebsocket) websockets.add(client);
    });
    client.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const s of websockets) s.destroy();
    await new Promise((r) => server.close(r));
  });
  const { port: proxyPort } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    goOffline() {
      offline = true;
      for (const s of websockets) s.destroy();
    },
    goOnline() {
      offline = false;
    },
  };
}
