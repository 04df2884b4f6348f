import { describe, expect, it } from 'vitest';
import { findLinkQuery, INLINE_NODE_CHAR, LINK_QUERY_MAX_LENGTH } from './link-query';

describe('findLinkQuery', () => {
  it('opens as soon as [[ is typed, with an empty query', () => {
    expect(findLinkQuery('See [[')).toEqual({ start: 4, query: '' });
  });

  it('takes everything typed after the last [[, spaces included', () => {
    expect(findLinkQuery('[[Rice')).toEqual({ start: 0, query: 'Rice' });
    expect(findLinkQuery('as in [[Water user')).toEqual({ start: 6, query: 'Water user' });
    expect(findLinkQuery('[[a]] then [[semis dir')).toEqual({ start: 11, query: 'semis dir' });
  });

  it('keeps accents and other scripts', () => {
    expect(findLinkQuery('[[Capitalización')?.query).toBe('Capitalización');
  });

  it('treats a third bracket as the start of the query', () => {
    expect(findLinkQuery('[[[')).toEqual({ start: 1, query: '' });
  });

  it('is not open without [[ before the caret', () => {
    expect(findLinkQuery('')).toBeNull();
    expect(findLinkQuery('plain text')).toBeNull();
    expect(findLinkQuery('a single [bracket')).toBeNull();
  });

  it('closes once the brackets are closed or another starts', () => {
    expect(findLinkQuery('[[done]]')).toBeNull();
    expect(findLinkQuery('[[done] ')).toBeNull();
    expect(findLinkQuery('[[one [two')).toBeNull();
  });

  it('never reaches over a link, a line break or a long stretch of text', () => {
    expect(findLinkQuery(`[[a${INLINE_NODE_CHAR}b`)).toBeNull();
    expect(findLinkQuery('[[a\nb')).toBeNull();
    expect(findLinkQuery(`[[${'x'.repeat(LINK_QUERY_MAX_LENGTH)}`)).not.toBeNull();
    expect(findLinkQuery(`[[${'x'.repeat(LINK_QUERY_MAX_LENGTH + 1)}`)).toBeNull();
  });
});
