/**
 * The address a request came from, which the per-address limits and the
 * log-in throttle count against. Without a proxy it is the socket's peer.
 * Behind `trustedProxies` reverse proxies, each of which appends the address
 * it received from to `X-Forwarded-For`, it is the address the outermost of
 * them saw: counted from the right, past the entries they added. Entries
 * further left were written by the client and could be anything, so they are
 * never used.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const peer = socketAddress ?? 'unknown';
  if (trustedProxies === 0 || forwardedFor === undefined) return peer;
  const entries = [forwardedFor]
    .flat()
    .flatMap((header) => header.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // The chain as the last proxy knows it: the forwarded addresses, then the proxy itself.
  const chain = [...entries, peer];
  // With fewer entries than proxies, the farthest one known is the best there is.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}
