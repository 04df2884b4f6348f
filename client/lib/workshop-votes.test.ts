import { describe, expect, it } from 'vitest';
import { dotsLeft, dotsPlaced, withDots } from './workshop-votes';

describe('the dot counter', () => {
  it('counts what is placed and what is left', () => {
    expect(dotsPlaced({ a: 2, b: 1 })).toBe(3);
    expect(dotsLeft(5, { a: 2, b: 1 })).toBe(2);
    expect(dotsLeft(5, {})).toBe(5);
  });

  it('never says less than zero left, even if the budget was lowered', () => {
    expect(dotsLeft(2, { a: 3 })).toBe(0);
  });
});

describe('withDots', () => {
  it('adds a dot on a note within the budget', () => {
    expect(withDots({ a: 1 }, 'b', 1, 5)).toEqual({ a: 1, b: 1 });
    expect(withDots({ a: 1 }, 'a', 2, 5)).toEqual({ a: 2 });
  });

  it('refuses a dot past the budget', () => {
    expect(withDots({ a: 3, b: 2 }, 'c', 1, 5)).toBeNull();
    expect(withDots({ a: 3 }, 'a', 6, 5)).toBeNull();
  });

  it('takes dots back, to zero, which forgets the note', () => {
    expect(withDots({ a: 2, b: 1 }, 'a', 1, 5)).toEqual({ a: 1, b: 1 });
    expect(withDots({ a: 2, b: 1 }, 'a', 0, 5)).toEqual({ b: 1 });
    expect(withDots({ b: 1 }, 'a', -1, 5)).toBeNull();
  });

  it('lets dots be taken back even when over a lowered budget', () => {
    expect(withDots({ a: 4 }, 'a', 3, 2)).toEqual({ a: 3 });
  });
});
