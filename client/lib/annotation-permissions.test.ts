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

const as = (who: 'viewer' | 'commenter' | 'author' | 'editor'): AnnotationPermissions => ({
  me: who === 'author' ? AUTHOR : `usr_${who}`,
  canComment: who !== 'viewer',
  canEdit: who === 'editor',
  contentWritable: who === 'editor',
});

describe('what one may do to a thread', () => {
  it.each([
    // who, kind, status, reply, resolve, reopen, decide
    ['viewer', 'comment', 'open', false, false, false, false],
    ['commenter', 'comment', 'open', true, false, false, false],
    ['author', 'comment', 'open', true, true, false, false],
    ['author', 'question', 'resolved', true, false, true, false],
    ['editor', 'comment', 'open', true, true, false, false],
    ['editor', 'evidence', 'resolved', true, false, true, false],
    ['author', 'suggestion', 'open', true, false, false, false],
    ['editor', 'suggestion', 'open', true, false, false, true],
    ['author', 'suggestion', 'rejected', true, false, false, false],
    ['editor', 'suggestion', 'accepted', true, false, true, false],
  ] as const)('%s, %s %s: reply %s, resolve %s, reopen %s, decide %s', (who, kind, status, reply, resolve, reopen, decide) => {
    expect(threadAbilities(thread(kind, status), as(who))).toEqual({ reply, resolve, reopen, decide });
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
