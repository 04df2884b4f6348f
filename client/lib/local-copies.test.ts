import { describe, expect, it } from 'vitest';
import { isCopyOf, localCopyName } from './local-copies';

describe('local copies', () => {
  it('names each person’s copy apart', () => {
    expect(localCopyName('doc', 'u1', 'd1')).not.toBe(localCopyName('doc', 'u2', 'd1'));
    expect(localCopyName('doc', 'u1', 'd1')).not.toBe(localCopyName('discussion', 'u1', 'd1'));
  });

  it('tells a person’s copies from another’s, and counts copies of unknown owner as anyone’s', () => {
    for (const kind of ['doc', 'discussion'] as const) {
      expect(isCopyOf(localCopyName(kind, 'u1', 'd1'), 'u1')).toBe(true);
      expect(isCopyOf(localCopyName(kind, 'u1', 'd1'), 'u2')).toBe(false);
      expect(isCopyOf(`ensemble:${kind}:d1`, 'u2')).toBe(true);
    }
    // An id with a colon cannot pass for someone else's.
    expect(isCopyOf(localCopyName('doc', 'a:b', 'd1'), 'a')).toBe(false);
    expect(isCopyOf(localCopyName('doc', 'a:b', 'd1'), 'a:b')).toBe(true);
  });

  it('leaves every other database alone', () => {
    for (const name of ['other-app', 'ensemble:settings:u1:x', 'ensemble:doc', 'y-indexeddb:doc:u1:d1']) {
      expect(isCopyOf(name, 'u1')).toBe(false);
    }
  });
});
