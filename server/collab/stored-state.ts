import * as Y from 'yjs';

/**
 * A loaded document's stored updates, kept as bytes for as long as the
 * document has not changed since it was loaded: a client's sync request is
 * answered from them, before the document is decoded and without encoding
 * it again. The snapshot already is `Y.encodeStateAsUpdate` of the document.
 */
export class StoredState {
  #updates: readonly Uint8Array[] | null;
  /** The updates merged into one, made the first time a client asks. */
  #merged: Uint8Array | null = null;

  constructor(updates: readonly Uint8Array[]) {
    this.#updates = updates;
  }

  /**
   * What a client with `stateVector` lacks, as one update; null once the
   * bytes are gone (the document changed, or they do not merge), or when
   * the client has something and `decoded` is there to answer it more
   * cheaply than re-reading every stored byte. Throws if `stateVector` does
   * not decode.
   */
  replyTo(stateVector: Uint8Array, decoded: boolean): Uint8Array | null {
    const hasNothing = Y.decodeStateVector(stateVector).size === 0;
    if (!this.#updates || (decoded && !hasNothing)) return null;
    try {
      this.#merged ??= this.#updates.length === 1 ? this.#updates[0]! : Y.mergeUpdates([...this.#updates]);
      return hasNothing ? this.#merged : Y.diffUpdate(this.#merged, stateVector);
    } catch {
      // A row that does not read: the document, which skips it, answers instead.
      this.forget();
      return null;
    }
  }

  /** Drops the bytes: the document has changed since they were read. */
  forget(): void {
    this.#updates = null;
    this.#merged = null;
  }
}
