import type { Thread } from '../../shared/annotations/discussion';

/** What the person may do in a document's discussion, from their role (the server checks each request again). */
export interface AnnotationPermissions {
  /** My user id; undefined while unknown. */
  me: string | undefined;
  /** 'document.comment': commenters and above annotate and reply. */
  canComment: boolean;
  /** 'document.edit': editors and above close any thread and decide on suggestions. */
  canEdit: boolean;
  /** Whether the text itself can be changed now (editable, and the session not ended): accepting a suggestion changes it. */
  contentWritable: boolean;
}

export interface ThreadAbilities {
  reply: boolean;
  resolve: boolean;
  reopen: boolean;
  /** Accept or reject a suggestion. */
  decide: boolean;
}

const isMine = (thread: Thread, me: string | undefined) => me !== undefined && thread.messages[0]?.author.userId === me;

/**
 * The server's rules, mirrored: a thread is resolved or reopened by its
 * author or by editors; a suggestion is accepted or rejected by editors,
 * and only reopened by them.
 */
export function threadAbilities(thread: Thread, permissions: AnnotationPermissions): ThreadAbilities {
  const closer = permissions.canEdit || (permissions.canComment && isMine(thread, permissions.me));
  const isSuggestion = thread.kind === 'suggestion';
  const isOpen = thread.status === 'open';
  return {
    reply: permissions.canComment,
    resolve: isOpen && !isSuggestion && closer,
    reopen: !isOpen && (isSuggestion ? permissions.canEdit : closer),
    decide: isOpen && isSuggestion && permissions.canEdit,
  };
}

/** One edits and deletes only one's own messages, while one may still discuss. */
export function canChangeMessage(authorId: string, permissions: AnnotationPermissions): boolean {
  return permissions.canComment && permissions.me !== undefined && authorId === permissions.me;
}
