import { describe, expect, it } from 'vitest';
import { LABEL_MAX_LENGTH, LABELS_MAX } from '../../shared/api';
import { addLabels, separateTyped, splitLabels } from './labels';

describe('splitting typed labels', () => {
  it('splits on commas and drops blanks', () => {
    expect(splitLabels(' water, seeds ,, ')).toEqual(['water', 'seeds']);
    expect(splitLabels('')).toEqual([]);
  });

  it('accepts the comma of other keyboards and a semicolon', () => {
    expect(splitLabels('eau，sol、riz;semences')).toEqual(['eau', 'sol', 'riz', 'semences']);
  });

  it('cuts a label to the length the server takes', () => {
    expect(splitLabels('x'.repeat(LABEL_MAX_LENGTH + 10))).toEqual(['x'.repeat(LABEL_MAX_LENGTH)]);
  });
});

describe('adding labels', () => {
  it('adds new labels after the existing ones', () => {
    expect(addLabels(['water'], 'seeds, soil')).toEqual(['water', 'seeds', 'soil']);
  });

  it('does not add a label twice, whatever its letter case', () => {
    expect(addLabels(['Water'], 'water, WATER, seeds, Seeds')).toEqual(['Water', 'seeds']);
  });

  it('stops at the most the server takes', () => {
    const full = Array.from({ length: LABELS_MAX - 1 }, (_, index) => `label ${index}`);
    expect(addLabels(full, 'one, two')).toEqual([...full, 'one']);
  });

  it('leaves the list as it was when nothing was typed', () => {
    expect(addLabels(['water'], ' , ')).toEqual(['water']);
  });
});

describe('text still being typed', () => {
  it('keeps what follows the last separator in the field', () => {
    expect(separateTyped('water, seeds, so')).toEqual({ done: 'water, seeds', rest: ' so' });
    expect(separateTyped('water,')).toEqual({ done: 'water', rest: '' });
  });

  it('has nothing done before a separator is typed', () => {
    expect(separateTyped('wat')).toEqual({ done: '', rest: 'wat' });
    expect(separateTyped('')).toEqual({ done: '', rest: '' });
  });
});
