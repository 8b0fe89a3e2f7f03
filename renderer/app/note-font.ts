/**
 * Notes are set in 楷体 (LXGW WenKai, split into many unicode-range files), but nothing in the
 * report itself uses its regular weight. Left alone, its files are fetched only when the first
 * note shows (the annotation list), and the arrival of a web font makes Chromium lay out the
 * whole document again: with thousands of highlights that is a second full layout right after
 * the report opens. Asking for the characters of the report up front loads them with the
 * report's own fonts instead.
 */
export const NOTE_FONT = '400 15px "LXGW WenKai"';

/** The distinct characters of `text` (code points), in first-seen order. */
export function distinctChars(text: string): string {
  return [...new Set(text)].join('');
}

export function preloadNoteFont(text: string, fonts: Pick<FontFaceSet, 'load'> | undefined = globalThis.document?.fonts): void {
  // Only a hint: a missing font falls back to the next family, never an error for the user.
  fonts?.load(NOTE_FONT, distinctChars(text)).catch(() => undefined);
}
