import { describe, expect, it } from 'vitest';
import { distinctChars, NOTE_FONT, preloadNoteFont } from '../../../renderer/app/note-font';

describe('preloadNoteFont', () => {
  it('asks for the 楷体 note font over the distinct characters of the report, astral ones whole', () => {
    const calls: Array<[string, string | undefined]> = [];
    preloadNoteFont('政府工作报告，政府𠀀😀工作', { load: (font: string, text?: string) => (calls.push([font, text]), Promise.resolve([])) });
    expect(calls).toEqual([[NOTE_FONT, '政府工作报告，𠀀😀']]);
    expect(NOTE_FONT).toContain('LXGW WenKai');
  });

  it('is only a hint: a failing load or no font API is not an error', async () => {
    expect(() => preloadNoteFont('字', { load: () => Promise.reject(new Error('offline')) })).not.toThrow();
    expect(() => preloadNoteFont('字', undefined)).not.toThrow();
    expect(distinctChars('')).toBe('');
    await Promise.resolve();
  });
});
