/**
 * Display form of canonical report text: ASCII punctuation set between Chinese characters is
 * shown in its full-width form. The mapping is one character to one character, so every offset
 * into the canonical text is also an offset into the display text.
 */

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
};

/** Han ideographs, CJK punctuation (。、“” etc.), full-width forms. */
function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  const cp = c.codePointAt(0)!;
  return (
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x2018 && cp <= 0x201f) || // curly quotes used in Chinese text
    cp === 0x2014 || // —— dash
    cp === 0x2026 // …
  );
}

/**
 * Maps ASCII `,` `(` `)` `:` `;` `!` `?` to full-width when the character before or after
 * it is Chinese (Han or CJK punctuation); `(` looks at the following character, `)` at the
 * preceding one first so `(B型)` becomes `（B型）`. Output has exactly the length of the input.
 */
export function toDisplayText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const full = FULL_WIDTH[c];
    if (full === undefined) {
      out += c;
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    let cjk = isCjk(prev) || isCjk(next);
    if (!cjk && (c === '(' || c === ')')) cjk = parenthesisInCjkContext(text, i);
    out += cjk ? full : c;
  }
  return out;
}

/** `(B)` between Han characters: the matching parenthesis sits next to Chinese text. */
function parenthesisInCjkContext(text: string, i: number): boolean {
  if (text[i] === '(') {
    const close = text.indexOf(')', i + 1);
    return close !== -1 && close - i <= 20 && (isCjk(text[close + 1]) || isCjk(text[i - 1]));
  }
  const open = text.lastIndexOf('(', i - 1);
  return open !== -1 && i - open <= 20 && (isCjk(text[open - 1]) || isCjk(text[i + 1]));
}
