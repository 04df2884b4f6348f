import { describe, expect, it } from 'vitest';
import { parseRoom } from './rooms';

describe('parseRoom', () => {
  it('tells a document’s content from its discussion', () => {
    expect(parseRoom('abc_D-1')).toEqual({ id: 'abc_D-1', documentId: 'abc_D-1', channel: 'content' });
    expect(parseRoom('abc_D-1/discussion')).toEqual({ id: 'abc_D-1/discussion', documentId: 'abc_D-1', channel: 'discussion' });
  });

  it.each(['', '/discussion', 'abc/other', 'abc/discussion/discussion', '../abc', 'a b', 'x'.repeat(65)])('refuses %j', (path) => {
    expect(parseRoom(path)).toBeNull();
  });
});
