import { type Role, roleAllows } from '../roles';
import type { AnnotationKind, ThreadStatus } from './discussion';

/**
 * Who may move a thread from one status to another. A suggestion's fate is
 * the editors' (and above): they accept or reject an open one, and may
 * reopen a rejected one; an accepted suggestion is part of the text. Any
 * other thread is resolved and reopened by its author or an editor and
 * above. Asked by the server, which enforces it, and by the client, which
 * only offers what it allows.
 */
export function threadMoveAllowed(move: {
  role: Role;
  isAuthor: boolean;
  kind: AnnotationKind;
  from: ThreadStatus;
  to: ThreadStatus;
}): boolean {
  const { role, isAuthor, kind, from, to } = move;
  const editor = roleAllows(role, 'document.edit');
  if (kind === 'suggestion') {
    if (!editor) return false;
    return (from === 'open' && (to === 'accepted' || to === 'rejected')) || (from === 'rejected' && to === 'open');
  }
  if (!(editor || (isAuthor && roleAllows(role, 'document.comment')))) return false;
  return (from === 'open' && to === 'resolved') || (from === 'resolved' && to === 'open');
}
