import type { CloseCodeValue } from '../../shared/protocol';

/** Why a connection must close; carries the close code the client sees. */
export class CollabError extends Error {
  override name = 'CollabError';
  constructor(
    readonly closeCode: CloseCodeValue,
    readonly reason: string,
  ) {
    super(reason);
  }
}
