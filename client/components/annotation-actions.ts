import type { Editor } from '@tiptap/core';
import type { Accessor } from 'solid-js';
import type { Thread, ThreadStatus } from '../../shared/annotations/discussion';
import type { CreateThreadInput } from '../../shared/api/annotations';
import { annotationRanges } from '../editor/annotation-highlights';
import { replaceWords } from '../editor/replace-words';
import type { ApiClient } from '../lib/api';
import type { SubmitResult } from '../lib/discussion-outbox';
import type { DiscussionOutboxStore } from '../stores/discussion-outbox';

/** What can be done to a document's discussion; each resolves once sent or queued for a connection, and rejects with the server's refusal. */
export interface AnnotationActions {
  create(input: CreateThreadInput): Promise<SubmitResult>;
  reply(threadId: string, body: string, mentions: string[]): Promise<SubmitResult>;
  editMessage(threadId: string, messageId: string, body: string, mentions: string[]): Promise<SubmitResult>;
  deleteMessage(threadId: string, messageId: string): Promise<SubmitResult>;
  setStatus(threadId: string, status: ThreadStatus): Promise<SubmitResult>;
  /**
   * Claims the suggestion as accepted on the server, then puts it in place
   * of its words in one step of the editor's undo history (Ctrl+Z takes it
   * back), then asks for the words written to be credited to the
   * suggestion's author. Needs a connection: it is never queued, since the text must
   * change only once the server said it is the first to accept.
   */
  accept(thread: Thread): Promise<void>;
}

/** The words of a suggestion are gone: there is nothing left to replace. */
export class DetachedSuggestionError extends Error {
  override readonly name = 'DetachedSuggestionError';
}

/** The words a suggestion would replace are no longer those it was made on: replacing them would lose someone's edit. */
export class ChangedSuggestionError extends Error {
  override readonly name = 'ChangedSuggestionError';
}

/** The suggestion is accepted and its words are in, but they are still credited to the editor who accepted it; `cause` says why. */
export class UncreditedSuggestionError extends Error {
  override readonly name = 'UncreditedSuggestionError';
}

export function createAnnotationActions(options: {
  outbox: DiscussionOutboxStore;
  editor: Accessor<Editor | undefined>;
  api: ApiClient;
  documentId: string;
}): AnnotationActions {
  const { outbox } = options;

  /** Where the suggestion's words are now, checked to be exactly the quoted ones. */
  const quotedWords = (thread: Thread) => {
    const editor = options.editor();
    const range = editor && annotationRanges(editor.state).get(thread.id);
    if (!editor || !range) throw new DetachedSuggestionError(thread.id);
    if (editor.state.doc.textBetween(range.from, range.to, '\n') !== thread.quote) throw new ChangedSuggestionError(thread.id);
    return { editor, range };
  };

  return {
    create: (input) => outbox.submit({ type: 'create-thread', input }),
    reply: (threadId, body, mentions) => outbox.submit({ type: 'reply', threadId, input: { body, mentions } }),
    editMessage: (threadId, messageId, body, mentions) =>
      outbox.submit({ type: 'edit-message', threadId, messageId, input: { body, mentions } }),
    deleteMessage: (threadId, messageId) => outbox.submit({ type: 'delete-message', threadId, messageId }),
    setStatus: (threadId, status) => outbox.submit({ type: 'set-status', threadId, input: { status } }),
    async accept(thread) {
      quotedWords(thread);
      // Only one person's acceptance succeeds: a second one, or a refused one, leaves the text alone.
      await options.api.setThreadStatus(options.documentId, thread.id, { status: 'accepted' });
      // Looked for again: the text may have moved, or changed, while the server answered.
      const { editor, range } = quotedWords(thread);
      // An empty suggestion deletes the words; the new text takes the marks of the first replaced character.
      const written = replaceWords(editor, range, thread.quote, thread.suggestion ?? '');
      if (!written) return;
      // Typed under this editor's Yjs client, the words would be counted as this editor's.
      try {
        await options.api.creditSuggestion(options.documentId, thread.id, written);
      } catch (cause) {
        throw new UncreditedSuggestionError(thread.id, { cause });
      }
    },
  };
}
