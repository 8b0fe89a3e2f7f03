/**
 * Sentence boundaries inside one paragraph's canonical text.
 */

/** Characters that end a sentence (ASCII and full-width). */
const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';']);
const NEXT_TERMINATOR = /[。！？；!?;]/g;
/** Closing marks that stay with the sentence they close (`……。”`). */
const CLOSERS = new Set(['”', '’', '」', '』', '》', '）', ')']);
/** Whitespace between sentences (ASCII, ideographic space, NBSP). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/**
 * Splits `text` into sentence ranges `[start, end)`. The ranges tile the text except for
 * whitespace between sentences (never inside a range's edges); a run of terminators and the
 * closing quotes after it stay with their sentence; trailing text without a terminator is
 * its own last sentence. Returns [] for whitespace-only text.
 */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // Native regex scanning finds the next terminator far faster than a per-character loop.
    NEXT_TERMINATOR.lastIndex = i;
    const hit = NEXT_TERMINATOR.exec(text);
    let j = hit ? hit.index : n;
    if (j < n) {
      while (j < n && TERMINATORS.has(text[j])) j++;
      // A closer only belongs to the sentence when it closes it (`。”`), not when a
      // parenthesis opens the next one.
      while (j < n && CLOSERS.has(text[j]) && isCloserOfSentence(text, start, j)) j++;
    }
    let end = j;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end });
    i = j;
  }
  return out;
}

const OPEN_FOR: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', '》': '《', '）': '（', ')': '(' };

/** True when the closer at `at` has an unmatched opener inside `[start, at)`. */
function isCloserOfSentence(text: string, start: number, at: number): boolean {
  const close = text[at];
  const open = OPEN_FOR[close];
  let depth = 0;
  for (let k = start; k < at; k++) {
    if (text[k] === open) depth++;
    else if (text[k] === close) depth--;
  }
  return depth > 0;
}
