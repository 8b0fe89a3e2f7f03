import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/app/use-shortcuts';
import { FONT_SIZES, stepFontSize } from '../../../renderer/app/prefs';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it.each([
    [key('f', { ctrlKey: true }), 'find'],
    [key('F', { metaKey: true }), 'find'],
    [key('p', { ctrlKey: true }), 'print-excerpts'],
    [key('o', { ctrlKey: true }), 'open-shelf'],
    [key('o', { ctrlKey: true, shiftKey: true }), 'open-report'],
    [key('=', { ctrlKey: true }), 'font-bigger'],
    [key('+', { ctrlKey: true, shiftKey: true }), 'font-bigger'],
    [key('-', { ctrlKey: true }), 'font-smaller'],
    [key('0', { ctrlKey: true }), 'font-reset'],
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('f'), null],
    [key('f', { ctrlKey: true, altKey: true }), null],
    [key('q', { ctrlKey: true }), null],
  ])('%j → %s', (e, cmd) => {
    expect(commandForKey(e)).toBe(cmd);
  });
});

describe('stepFontSize', () => {
  it.each([
    [18, 1, 20],
    [18, -1, 16],
    [14, -1, 14],
    [32, 1, 32],
    [17, 1, 18],
    [17, -1, 16],
    [99, -1, 28],
  ] as const)('%i step %i → %i', (from, dir, to) => {
    expect(stepFontSize(from, dir)).toBe(to);
    expect(FONT_SIZES).toContain(to);
  });
});
