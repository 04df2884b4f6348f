import { describe, expect, it } from 'vitest';
import type { AnnotationKind, Thread, ThreadStatus } from '../../shared/annotations/discussion';
import { canChangeMessage, threadAbilities, type AnnotationPermissions } from './annotation-permissions';

const AUTHOR = 'usr_author';

function thread(kind: AnnotationKind, status: ThreadStatus): Thread {
  const author = { userId: AUTHOR, name: 'A', organisationId: null, organisationName: '', organisationColor: '#000000' };
  return {
    id: 'thr_1',
    kind,
    anchor: { start: 'AA==', end: 'AA==' },
    quote: '',
    citation: null,
    suggestion: kind === 'suggestion' ? 'new' : null,
    status,
    statusChange: null,
    createdAt: 0,
    messages: [{ id: 'msg_1', author, body: 'b', mentions: [], createdAt: 0, editedAt: null, deleted: false }],
  };
}

const as = (who: 'viewer' | 'commenter' | 'author' | 'editor' | 'unknown'): AnnotationPermissions => ({
  me: who === 'author' ? AUTHOR : `usr_${who}`,
  role: who === 'unknown' ? null : who === 'editor' ? 'editor' : who === 'viewer' ? 'viewer' : 'commenter',
  canComment: who !== 'viewer' && who !== 'unknown',
  contentWritable: who === 'editor',
});

describe('what one may do to a thread', () => {
  it.each([
    // who, kind, status, reply, resolve, reopen, accept, reject
    ['viewer', 'comment', 'open', false, false, false, false, false],
    ['unknown', 'comment', 'open', false, false, false, false, false],
    ['commenter', 'comment', 'open', true, false, false, false, false],
    ['author', 'comment', 'open', true, true, false, false, false],
    ['author', 'question', 'resolved', true, false, true, false, false],
    ['editor', 'comment', 'open', true, true, false, false, false],
    ['editor', 'evidence', 'resolved', true, false, true, false, false],
    ['author', 'suggestion', 'open', true, false, false, false, false],
    ['editor', 'suggestion', 'open', true, false, false, true, true],
    ['author', 'suggestion', 'rejected', true, false, false, false, false],
    ['editor', 'suggestion', 'rejected', true, false, true, false, false],
    // An accepted suggestion is part of the text: undoing it is an edit, not a reopening.
    ['editor', 'suggestion', 'accepted', true, false, false, false, false],
  ] as const)('%s, %s %s: reply %s, resolve %s, reopen %s, accept %s, reject %s', (who, kind, status, reply, resolve, reopen, accept, reject) => {
    expect(threadAbilities(thread(kind, status), as(who))).toEqual({ reply, resolve, reopen, accept, reject });
  });
});

describe('changing a message', () => {
  it('is for its author only, while they may discuss', () => {
    expect(canChangeMessage(AUTHOR, as('author'))).toBe(true);
    expect(canChangeMessage(AUTHOR, as('editor'))).toBe(false);
    expect(canChangeMessage(AUTHOR, { ...as('author'), canComment: false })).toBe(false);
    expect(canChangeMessage(AUTHOR, { ...as('author'), me: undefined })).toBe(false);
  });
});
