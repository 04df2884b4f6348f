import { describe, expect, it } from 'vitest';
import { layoutMargin, type MarginItem } from './annotation-layout';

const card = (id: string, anchorTop: number | null, height = 50): MarginItem => ({ id, anchorTop, height });
const tops = (items: MarginItem[], focused: string | null = null) => Object.fromEntries(layoutMargin(items, focused, 10));

describe('the margin layout', () => {
  it('puts each card level with its words when there is room', () => {
    expect(tops([card('b', 200), card('a', 0)])).toEqual({ a: 0, b: 200 });
  });

  it('moves a card down below the one before it rather than overlap', () => {
    expect(tops([card('a', 100), card('b', 120), card('c', 130)])).toEqual({ a: 100, b: 160, c: 220 });
  });

  it('puts cards without a place in the text after all the others', () => {
    expect(tops([card('lost', null), card('a', 300), card('also-lost', null, 20)])).toEqual({ a: 300, lost: 360, 'also-lost': 420 });
  });

  it('puts the focused card level with its words and moves those before it up', () => {
    expect(tops([card('a', 100), card('b', 120), card('c', 130)], 'b')).toEqual({ a: 60, b: 120, c: 180 });
  });

  it('never moves a card above the top: the focused one then goes as high as it can', () => {
    expect(tops([card('a', 0), card('b', 20)], 'b')).toEqual({ a: 0, b: 60 });
  });

  it('ignores a focus on a card without a place', () => {
    expect(tops([card('a', 0), card('lost', null)], 'lost')).toEqual({ a: 0, lost: 60 });
  });
});
