/**
 * What every importer hands to the segmenter: the report as lines of text in reading order (one
 * paragraph, heading or front-matter line per entry) plus what the importer removed or decided.
 */

export interface ImportNote {
  /** `encoding` | `page-chrome-removed` | `site-chrome-removed` | `format` … */
  kind: string;
  /** Chinese, shown in the repair list. */
  detail: string;
  /** Exact removed text, when text was removed. */
  original?: string;
}

export interface ImportedText {
  lines: string[];
  notes: ImportNote[];
  /** The file's own idea of its title (HTML `<title>`), used only when the text has none. */
  titleHint?: string;
}

/** A Han character or Chinese punctuation: no space is ever needed next to one. */
export const CJK = /[\p{sc=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;

/**
 * Joins two pieces of one line or paragraph the way the page showed them: no space next to a
 * Han character or Chinese punctuation, one space between two Latin words or numbers.
 */
export function joinPieces(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  const a = left[left.length - 1];
  const b = right[0];
  if (/\s/.test(a) || /\s/.test(b) || CJK.test(a) || CJK.test(b)) return left + right;
  return /[A-Za-z0-9.,;:%)]/.test(a) && /[A-Za-z0-9(]/.test(b) ? `${left} ${right}` : left + right;
}

const CJK_SPACE = /(?<=[\p{sc=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])[ \t]+(?=[\p{sc=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])/gu;

/** Removes spaces a layout engine put between Han characters or Chinese punctuation (justified PDF lines). */
export function dropCjkSpaces(text: string): string {
  return text.replace(CJK_SPACE, '');
}
