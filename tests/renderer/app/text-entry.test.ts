// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTextEntry, ownsUndo } from '../../../renderer/app/text-entry';

const el = (html: string) => {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d.firstElementChild as HTMLElement;
};

describe('text entry', () => {
  it.each([
    ['<input>', true, true],
    ['<textarea></textarea>', true, true],
    ['<select></select>', true, false],
    ['<button>x</button>', false, false],
    ['<div tabindex="0">x</div>', false, false],
  ])('%s: text entry %s, own undo %s', (html, entry, undo) => {
    expect(isTextEntry(el(html))).toBe(entry);
    expect(ownsUndo(el(html))).toBe(undo);
  });

  it('counts a contenteditable note editor and ignores non-elements', () => {
    const d = el('<div contenteditable="true">x</div>');
    // jsdom does not compute isContentEditable; define it as a browser would.
    Object.defineProperty(d, 'isContentEditable', { value: true });
    expect(isTextEntry(d)).toBe(true);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});
