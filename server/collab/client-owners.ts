import { ProtocolError, type ProtocolErrorCode } from './protocol';

/**
 * Which person each Yjs client id of one loaded document belongs to. The
 * first person to edit or announce presence under an id owns it, so nobody
 * can write, or appear, as someone else; owners of ids that wrote are
 * recorded for good (attribution), the others only while it is loaded.
 */
export class ClientOwners {
  #users = new Map<number, string>();

  /**
   * `reserved`: ids the server writes under itself (a document's template),
   * which no person may claim; `known`: the owners recorded before, which
   * outlive the document leaving memory.
   */
  constructor(
    private readonly reserved: ReadonlySet<number> = new Set(),
    known: ReadonlyMap<number, string> = new Map(),
  ) {
    this.#users = new Map(known);
  }

  /** Learns owners found elsewhere (storage, another instance): they take precedence over what was claimed here. */
  learn(owners: ReadonlyMap<number, string>): void {
    for (const [id, userId] of owners) this.#users.set(id, userId);
  }

  /** Claims `clientIds` for `userId`; throws, claiming nothing, if one belongs to someone else. */
  claim(userId: string, clientIds: Iterable<number>, code: ProtocolErrorCode): void {
    const ids = [...clientIds];
    for (const id of ids) {
      if (this.reserved.has(id)) throw new ProtocolError(code, `client ${id} is the server's own`);
      const owner = this.#users.get(id);
      if (owner !== undefined && owner !== userId) throw new ProtocolError(code, `client ${id} belongs to someone else`);
    }
    for (const id of ids) this.#users.set(id, userId);
  }
}
