import type { Resource } from 'solid-js';

/**
 * A resource's value once it has one (also while it refreshes). Not
 * `resource.latest`, which rethrows the load error instead of returning nothing.
 */
export function loaded<T>(resource: Resource<T>): T | undefined {
  return resource.state === 'ready' || resource.state === 'refreshing' ? resource() : undefined;
}
