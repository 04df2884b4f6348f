import { describe, expect, it } from 'vitest';
import { type Role, ROLES } from '../roles';
import { ANNOTATION_KINDS, THREAD_STATUSES } from './discussion';
import { threadMoveAllowed } from './thread-policy';

const every = ROLES.flatMap((role) =>
  [true, false].flatMap((isAuthor) =>
    ANNOTATION_KINDS.flatMap((kind) => THREAD_STATUSES.flatMap((from) => THREAD_STATUSES.map((to) => ({ role, isAuthor, kind, from, to })))),
  ),
);
const allowedMoves = (filter: (m: (typeof every)[number]) => boolean) => every.filter(filter).filter(threadMoveAllowed);

describe('threadMoveAllowed', () => {
  it('never allows staying put, and never lets a viewer move anything', () => {
    expect(allowedMoves((m) => m.from === m.to)).toEqual([]);
    expect(allowedMoves((m) => m.role === 'viewer')).toEqual([]);
  });

  it('leaves a suggestion to editors and above: accept or reject it while open, reopen it once rejected', () => {
    const moves = allowedMoves((m) => m.kind === 'suggestion');
    expect(new Set(moves.map((m) => m.role))).toEqual(new Set<Role>(['owner', 'facilitator', 'editor']));
    expect(new Set(moves.map((m) => `${m.from}→${m.to}`))).toEqual(new Set(['open→accepted', 'open→rejected', 'rejected→open']));
  });

  it('lets the author or an editor and above resolve and reopen any other thread, and nothing else', () => {
    const moves = allowedMoves((m) => m.kind !== 'suggestion');
    expect(new Set(moves.map((m) => `${m.from}→${m.to}`))).toEqual(new Set(['open→resolved', 'resolved→open']));
    expect(moves.filter((m) => m.role === 'commenter').every((m) => m.isAuthor)).toBe(true);
    expect(moves.some((m) => m.role === 'commenter')).toBe(true);
  });
});
