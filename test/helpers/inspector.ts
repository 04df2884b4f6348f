import WebSocket from 'ws';
import { waitFor } from './wait-for';

/** `NODE_OPTIONS` that open the inspector of a child process on a free loopback port. */
export const INSPECT_OPTION = '--inspect=127.0.0.1:0';

/**
 * The live heap of a server process started with `INSPECT_OPTION`, after a
 * full garbage collection, in bytes: unlike its resident size, this does not
 * depend on how lazily V8 collects, so a test can compare two moments.
 */
export async function liveHeapBytes(stderr: () => string): Promise<number> {
  let url = '';
  await waitFor(() => {
    url = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(stderr())?.[1] ?? '';
    return url !== '';
  }, 'the inspector address');
  const ws = new WebSocket(url);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), 10_000);
        const onMessage = (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: unknown };
          if (message.id !== id) return;
          clearTimeout(timer);
          ws.off('message', onMessage);
          if (message.error) reject(new Error(`${method} failed: ${JSON.stringify(message.error)}`));
          else resolve(message.result ?? {});
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ id, method }));
      });
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize as number;
  } finally {
    ws.terminate();
  }
}
