import { COLLAB_PATH_PREFIX } from '../../shared/protocol';

/**
 * The websocket base the provider appends `/<documentId>` to, on the page's
 * own host so the dev proxy and any reverse proxy carry it like the API.
 */
export function collabServerUrl(page: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}${COLLAB_PATH_PREFIX}`;
}
