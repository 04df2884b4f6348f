import { describe, expect, it } from 'vitest';
import { documentPath, threadOfHash, threadPath } from './paths';

describe('documentPath', () => {
  it('is the document page of the id', () => {
    expect(documentPath('doc_123')).toBe('/d/doc_123');
  });

  it('keeps an id with unusual characters in one path segment', () => {
    expect(documentPath('a/b c?d#e')).toBe('/d/a%2Fb%20c%3Fd%23e');
  });
});

describe('a link to a thread', () => {
  it('opens the document at the thread, and names it in the hash', () => {
    const path = threadPath('doc_1', 'thr 2#x');
    expect(path).toBe('/d/doc_1#thread-thr%202%23x');
    expect(threadOfHash(path.slice(path.indexOf('#')))).toBe('thr 2#x');
  });

  it('names no thread in another hash', () => {
    expect(threadOfHash('')).toBeNull();
    expect(threadOfHash('#thread-')).toBeNull();
    expect(threadOfHash('#section-2')).toBeNull();
    expect(threadOfHash('#thread-%E0%A4%A')).toBeNull();
  });
});
