/**
 * Clauses of a sentence: the stretches between commas, semicolons and colons, where a report
 * states one target each (`地区生产总值增长6%左右，固定资产投资增长6%以上`).
 */

/** Marks that end a clause (full-width and the ASCII ones some reports use). */
const BREAKS = new Set(['，', '；', '：', '。', '！', '？', ',', ';', ':', '!', '?']);
const OPEN = new Set(['（', '(', '“', '《', '【', '「']);
const CLOSE = new Set(['）', ')', '”', '》', '】', '」']);

export interface Clause {
  start: number;
  end: number;
  /** The clause ends with a colon: it introduces what follows (`主要预期目标是：`). */
  intro: boolean;
}

/**
 * Splits `text[start, end)` into clauses (offsets into `text`, terminators excluded, never empty).
 * Commas inside brackets or quotes do not split, nor does an ASCII comma between digits (`1,200`).
 */
export function splitClauses(text: string, start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let from = start;
  const push = (to: number, intro: boolean) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, intro });
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && BREAKS.has(c)) {
      if (c === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      push(i, c === '：' || c === ':');
      from = i + 1;
    }
  }
  push(end, false);
  return out;
}
