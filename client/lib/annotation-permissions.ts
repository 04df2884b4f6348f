import type { Thread, ThreadStatus } from '../../shared/annotations/discussion';
import { threadMoveAllowed } from '../../shared/annotations/thread-policy';
import type { Role } from '../../shared/roles';

/** What the person may do in a document's discussion, from their role (the server checks each request again). */
export interface AnnotationPermissions {
  /** My user id; undefined while unknown. */
  me: string | undefined;
  /** My role in the document's project; null until the server has said. */
  role: Role | null;
  /** 'document.comment': commenters and above annotate and reply. */
  canComment: boolean;
  /** Whether the text itself can be changed now (editable, and the session not ended): accepting a suggestion changes it. */
  contentWritable: boolean;
}

export interface ThreadAbilities {
  reply: boolean;
  resolve: boolean;
  reopen: boolean;
  /** Accept a suggestion. */
  accept: boolean;
  /** Reject a suggestion. */
  reject: boolean;
}

const isMine = (thread: Thread, me: string | undefined) => me !== undefined && thread.messages[0]?.author.userId === me;

/** What the person is offered on a thread: each status move as the shared policy allows it (the server asks the same). */
export function threadAbilities(thread: Thread, permissions: AnnotationPermissions): ThreadAbilities {
  const { role } = permissions;
  const mayMoveTo = (to: ThreadStatus) =>
    role !== null && threadMoveAllowed({ role, isAuthor: isMine(thread, permissions.me), kind: thread.kind, from: thread.status, to });
  return {
    reply: permissions.canComment,
    resolve: mayMoveTo('resolved'),
    reopen: mayMoveTo('open'),
    accept: mayMoveTo('accepted'),
    reject: mayMoveTo('rejected'),
  };
}

/** One edits and deletes only one's own messages, while one may still discuss. */
export function canChangeMessage(authorId: string, permissions: AnnotationPermissions): boolean {
  return permissions.canComment && permissions.me !== undefined && authorId === permissions.me;
}
