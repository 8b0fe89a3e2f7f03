/**
 * TeX-like markup residue in the source (`PM_{2.5}`), resolved to plain characters with
 * subscript ranges so that `PM2.5` is both displayed correctly and findable.
 */

export interface MarkupResult {
  /** Text with `_{x}` replaced by `x`. */
  text: string;
  /** Ranges of the former `_{x}` contents in `text`. */
  subscripts: { start: number; end: number }[];
  /** One entry per resolved occurrence: the original and resolved snippet. */
  resolved: { original: string; replacement: string; start: number }[];
}

const SUBSCRIPT = /([A-Za-z0-9]*)_\{([^{}\n]{1,12})\}/g;

/** Resolves `_{…}` subscripts; `text` unchanged and empty lists when there are none. */
export function resolveMarkup(text: string): MarkupResult {
  const subscripts: MarkupResult['subscripts'] = [];
  const resolved: MarkupResult['resolved'] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SUBSCRIPT)) {
    const at = m.index ?? 0;
    out += text.slice(last, at) + m[1];
    const start = out.length;
    out += m[2];
    subscripts.push({ start, end: out.length });
    resolved.push({ original: m[0], replacement: m[1] + m[2], start: start - m[1].length });
    last = at + m[0].length;
  }
  if (last === 0) return { text, subscripts, resolved };
  return { text: out + text.slice(last), subscripts, resolved };
}
