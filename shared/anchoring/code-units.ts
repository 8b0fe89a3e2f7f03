/**
 * UTF-16 helpers. Offsets everywhere in 研读 are UTF-16 code units; a range boundary must never
 * fall between the two halves of a surrogate pair (𠀀, emoji), or a highlight would render a
 * broken character and the quote would not round-trip through JSON/IndexedDB unchanged.
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` sits between a high and a low surrogate of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Moves a range start left by one code unit if it would split a pair (widens the range). */
export function widenStart(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}

/** Moves a range end right by one code unit if it would split a pair (widens the range). */
export function widenEnd(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset + 1 : offset;
}

/** `text.slice(start, end)` narrowed so it neither begins with a lone low nor ends with a lone high surrogate. */
export function sliceWhole(text: string, start: number, end: number): string {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (splitsSurrogatePair(text, s)) s += 1;
  if (splitsSurrogatePair(text, e)) e -= 1;
  return s < e ? text.slice(s, e) : '';
}
