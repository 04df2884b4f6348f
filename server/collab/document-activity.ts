import * as Y from 'yjs';
import { NODE_DOCUMENT_LINK, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import type { Copied } from '../history/authorship';
import type { Logger } from '../logger';
import { parseRoom, type RoomChannel } from '../../shared/rooms';
import { searchEntries, type SearchEntry } from '../search/entries';
import type { DocumentActivity } from '../services/document-activity';

/** The ids of the documents the content links to, in order of appearance, once each. */
export function linkedDocumentIds(doc: Y.Doc): string[] {
  const found = new Set<string>();
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const target = child.nodeName === NODE_DOCUMENT_LINK ? child.getAttribute('documentId') : undefined;
      if (typeof target === 'string' && target) found.add(target);
      visit(child);
    }
  };
  visit(doc.getXmlFragment(YDOC_CONTENT));
  return [...found];
}

/**
 * Gathers who edits a loaded room and reports it, with the links its
 * content holds and what search should find in it, at most once per
 * `delayMs`: one report per busy second, never one per keystroke, and never
 * on the sync path.
 */
export class ActivityBatcher {
  #editors = new Map<string, number>();
  #copies: Copied[] = [];
  #contentChanged = false;
  #timer: NodeJS.Timeout | null = null;
  #reporting: Promise<void> = Promise.resolve();
  /** Reading what search should find is a walk of the room: never more than a small share of the server's time. */
  #searchNotBefore = 0;
  #searchPending = false;

  readonly #channel: RoomChannel;

  constructor(
    private readonly roomId: string,
    private readonly doc: Y.Doc,
    private readonly activity: DocumentActivity,
    private readonly logger: Logger,
    private readonly delayMs: number,
  ) {
    this.#channel = parseRoom(roomId)?.channel ?? 'content';
  }

  noteEdit(userId: string, copies: readonly Copied[] = []): void {
    this.#editors.set(userId, (this.#editors.get(userId) ?? 0) + 1);
    this.#copies.push(...copies);
    this.noteChange();
  }

  /** A change nobody is credited with as an editor: the server's own, in a discussion or on a board. */
  noteChange(): void {
    this.#contentChanged = true;
    this.#timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * Reports what gathered so far; resolves once every report started so far
   * is done. The last one (`final`, as the room unloads) reads what search
   * should find whatever its turn.
   */
  flush(final = false): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#editors.size > 0 || this.#contentChanged || this.#searchPending) {
      const changed = this.#contentChanged;
      this.#searchPending ||= changed;
      const report = {
        editors: new Map(this.#editors),
        linkedDocumentIds: changed && this.#channel === 'content' ? linkedDocumentIds(this.doc) : null,
        copies: this.#copies,
        searchable: this.#searchable(final),
      };
      this.#editors.clear();
      this.#copies = [];
      this.#contentChanged = false;
      this.#reporting = this.#reporting.then(() =>
        this.activity.report(this.roomId, report).catch((error: unknown) => {
          // Metadata only: the content itself is stored already.
          this.logger.error('could not record document activity', { roomId: this.roomId, error });
        }),
      );
    }
    return this.#reporting;
  }

  /**
   * What search should find now, when it is due: a room whose reading takes
   * long (a huge document) is read again only after WALK_SHARE times as long,
   * the change waiting for that turn.
   */
  #searchable(final: boolean): SearchEntry[] | null {
    if (!this.#searchPending) return null;
    const now = performance.now();
    if (now < this.#searchNotBefore && !final) {
      this.#timer ??= setTimeout(() => void this.flush(), this.#searchNotBefore - now);
      return null;
    }
    this.#searchPending = false;
    const entries = searchEntries(this.#channel, this.doc);
    this.#searchNotBefore = now + (performance.now() - now) * WALK_SHARE;
    return entries;
  }
}

const WALK_SHARE = 20;
