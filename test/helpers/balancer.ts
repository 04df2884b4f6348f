import net from 'node:net';
import { onTestFinished } from 'vitest';

export interface Balancer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://…/collab, for `connectClient`. */
  wsUrl: string;
}

/**
 * A TCP load balancer in front of several instances, as any
 * websocket-capable one would be: each new connection goes to the next
 * instance in turn, skipping one that refuses it (a dead instance); no
 * stickiness. Closed when the current test ends.
 */
export async function startBalancer(targets: string[]): Promise<Balancer> {
  const backends = targets.map((target) => new URL(target));
  let next = 0;
  const open = new Set<net.Socket>();

  const connect = (client: net.Socket, first: Buffer, attempts: number) => {
    if (attempts === backends.length) {
      client.destroy();
      return;
    }
    const backend = backends[next++ % backends.length]!;
    const upstream = net.connect(Number(backend.port), backend.hostname);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      upstream.write(first);
      client.pipe(upstream).pipe(client);
      const closeBoth = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', closeBoth);
      upstream.on('close', closeBoth);
    });
    upstream.on('error', () => {
      if (!connected) connect(client, first, attempts + 1);
      else client.destroy();
    });
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
  };

  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (first) => connect(client, first, 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  onTestFinished(async () => {
    for (const socket of open) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/collab` };
}
