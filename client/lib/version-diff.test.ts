import { describe, expect, it } from 'vitest';
import type { DiffBlock, VersionPerson } from '../../shared/api/versions';
import { blockChanged, blockTag, diffRuns, hasChanges } from './version-diff';

const awa: VersionPerson = { userId: 'u-1', name: 'Awa', organisation: { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation', color: '#2a9d8f' } };
const diego: VersionPerson = { userId: 'u-2', name: 'Diego', organisation: null };

function paragraph(segments: DiffBlock['segments']): DiffBlock {
  return { type: 'paragraph', level: null, depth: 0, segments };
}

describe('diffRuns', () => {
  it('joins neighbouring segments of the same change and author, and names the author', () => {
    const block = paragraph([
      { text: 'Soil ', change: 'same', userId: 'u-1' },
      { text: 'pits', change: 'same', userId: 'u-1' },
      { text: ' every 50 m', change: 'deleted', userId: 'u-2' },
      { text: ' every 20 m', change: 'inserted', userId: 'u-1' },
      { text: ' and', change: 'inserted', userId: 'u-1' },
      { text: ' augers', change: 'inserted', userId: 'u-2' },
    ]);
    expect(diffRuns(block, [awa, diego])).toEqual([
      { text: 'Soil pits', change: 'same', person: awa },
      { text: ' every 50 m', change: 'deleted', person: diego },
      { text: ' every 20 m and', change: 'inserted', person: awa },
      { text: ' augers', change: 'inserted', person: diego },
    ]);
  });

  it('keeps text nobody owns, or by someone not named, without a person, and drops empty segments', () => {
    const block = paragraph([
      { text: 'Guidance', change: 'same', userId: null },
      { text: '', change: 'inserted', userId: 'u-1' },
      { text: 'new', change: 'inserted', userId: 'u-9' },
    ]);
    expect(diffRuns(block, [awa])).toEqual([
      { text: 'Guidance', change: 'same', person: null },
      { text: 'new', change: 'inserted', person: null },
    ]);
  });
});

describe('blockTag', () => {
  it('draws headings at the editor’s level, code as pre, and the rest as paragraphs', () => {
    expect(blockTag({ type: 'heading', level: 2 })).toBe('h2');
    expect(blockTag({ type: 'heading', level: null })).toBe('h1');
    expect(blockTag({ type: 'heading', level: 9 })).toBe('h6');
    expect(blockTag({ type: 'codeBlock', level: null })).toBe('pre');
    expect(blockTag({ type: 'paragraph', level: null })).toBe('p');
  });
});

describe('blockChanged and hasChanges', () => {
  it('tell blocks and comparisons with changes from those without', () => {
    const same = paragraph([{ text: 'Kept', change: 'same', userId: null }]);
    const changed = paragraph([{ text: 'Gone', change: 'deleted', userId: null }]);
    expect(blockChanged(same)).toBe(false);
    expect(blockChanged(changed)).toBe(true);
    expect(hasChanges({ inserted: 0, deleted: 0, blocks: [same] })).toBe(false);
    expect(hasChanges({ inserted: 0, deleted: 4, blocks: [changed] })).toBe(true);
  });
});
