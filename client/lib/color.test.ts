import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, textColorOn } from './color';

describe('contrastRatio', () => {
  it('is 21 between black and white and 1 between a colour and itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#0f766e', '#0f766e')).toBe(1);
  });
});

describe('textColorOn', () => {
  it('writes white on dark colours and dark text on light ones', () => {
    expect(textColorOn('#0f5257')).toBe(LIGHT_TEXT);
    expect(textColorOn('#ffe066')).toBe(DARK_TEXT);
  });

  it('falls back to white for anything that is not #rrggbb', () => {
    expect(textColorOn('red')).toBe(LIGHT_TEXT);
  });
});
