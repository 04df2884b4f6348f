import { describe, expect, it } from 'vitest';
import { ariaShortcut, formatShortcut, isApplePlatform } from './shortcut';

describe('formatShortcut', () => {
  it('writes Mod as Ctrl with plus signs off Apple devices', () => {
    expect(formatShortcut('Mod-b', false)).toBe('Ctrl+B');
    expect(formatShortcut('Mod-Alt-2', false)).toBe('Ctrl+Alt+2');
  });

  it('uses the modifier symbols on Apple devices', () => {
    expect(formatShortcut('Mod-Shift-z', true)).toBe('⌘⇧Z');
  });
});

describe('ariaShortcut', () => {
  it('uses the names aria-keyshortcuts expects', () => {
    expect(ariaShortcut('Mod-Shift-8', false)).toBe('Control+Shift+8');
    expect(ariaShortcut('Mod-i', true)).toBe('Meta+I');
  });
});

describe('isApplePlatform', () => {
  it('recognises macOS and iOS user agents', () => {
    expect(isApplePlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe(true);
    expect(isApplePlatform('Mozilla/5.0 (Linux; Android 14; SM-A145F)')).toBe(false);
  });
});
