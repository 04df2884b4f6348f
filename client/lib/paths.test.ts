import { describe, expect, it } from 'vitest';
import { documentPath } from './paths';

describe('documentPath', () => {
  it('is the document page of the id', () => {
    expect(documentPath('doc_123')).toBe('/d/doc_123');
  });

  it('keeps an id with unusual characters in one path segment', () => {
    expect(documentPath('a/b c?d#e')).toBe('/d/a%2Fb%20c%3Fd%23e');
  });
});
