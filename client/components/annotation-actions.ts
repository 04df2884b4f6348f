import type { Editor } from '@tiptap/core';
import type { Accessor } from 'solid-js';
import type { Thread, ThreadStatus } from '../../shared/annotations/discussion';
import type { CreateThreadInput } from '../../shared/api/annotations';
import { bindingOf, rangeFromAnchor } from '../editor/anchors';
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
   * Puts the suggestion in place of its words, in one step of the editor's
   * undo history (Ctrl+Z takes it back), then marks it accepted.
   */
  accept(thread: Thread): Promise<SubmitResult>;
}

/** The words of a suggestion are gone: there is nothing left to replace. */
export class DetachedSuggestionError extends Error {
  override readonly name = 'DetachedSuggestionError';
}

export function createAnnotationActions(outbox: DiscussionOutboxStore, editor: Accessor<Editor | undefined>): AnnotationActions {
  return {
    create: (input) => outbox.submit({ type: 'create-thread', input }),
    reply: (threadId, body, mentions) => outbox.submit({ type: 'reply', threadId, input: { body, mentions } }),
    editMessage: (threadId, messageId, body, mentions) =>
      outbox.submit({ type: 'edit-message', threadId, messageId, input: { body, mentions } }),
    deleteMessage: (threadId, messageId) => outbox.submit({ type: 'delete-message', threadId, messageId }),
    setStatus: (threadId, status) => outbox.submit({ type: 'set-status', threadId, input: { status } }),
    async accept(thread) {
      const instance = editor();
      const binding = instance && bindingOf(instance.state);
      const range = instance && binding && rangeFromAnchor(binding, thread.anchor, instance.state.doc.content.size);
      if (!instance || !range) throw new DetachedSuggestionError(thread.id);
      // An empty suggestion deletes the words; the new text takes the marks of the first replaced character.
      instance.view.dispatch(instance.state.tr.insertText(thread.suggestion ?? '', range.from, range.to));
      return outbox.submit({ type: 'set-status', threadId: thread.id, input: { status: 'accepted' } });
    },
  };
}
