/**
 * True when keys typed at `target` belong to a text field (input, textarea, select, a
 * contenteditable such as the note editor): app shortcuts like 1–5, S, N or Ctrl+Z then stay out.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** True when Ctrl+Z at `target` is the field's own text undo (not a select list). */
export function ownsUndo(target: EventTarget | null): boolean {
  return isTextEntry(target) && (target as HTMLElement).tagName !== 'SELECT';
}
