/**
 * Probable typos in official source text. They are never corrected: the segmenter turns them
 * into reader-visible remarks (勘误提示) so the official words stay intact.
 */

export interface TypoHit {
  start: number;
  end: number;
  note: string;
}

/** A probable typo known for one report (its `typos.json` beside `source.txt`). */
export interface KnownTypo {
  /** Context that must match exactly (keeps false positives out). */
  context: string;
  /** Suspect characters inside `context`. */
  suspect: string;
  note: string;
}

/**
 * Validates the parsed `typos.json` of a bundled report: an array of `{context, suspect, note}`
 * whose suspect lies inside its context. Throws with a message naming the bad entry, since a
 * broken list is a packaging mistake, not user input.
 */
export function parseKnownTypos(json: unknown): KnownTypo[] {
  if (!Array.isArray(json)) throw new Error('typos.json must be an array of {context, suspect, note}');
  return json.map((t: unknown, i) => {
    const { context, suspect, note } = (t ?? {}) as Record<string, unknown>;
    if (typeof context !== 'string' || typeof suspect !== 'string' || typeof note !== 'string' || !suspect || !context.includes(suspect)) {
      throw new Error(`typos.json entry ${i} needs strings context, suspect (inside context) and note`);
    }
    return { context, suspect, note };
  });
}

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** A lowercase English word set in spaces between Chinese characters (`美化 and 村庄`). */
const STRAY_WORD = new RegExp(`(?<=[${HAN}])\\s+([a-z]{2,})\\s+(?=[${HAN}])`, 'g');
const STRAY_NOTE: Record<string, string> = { and: '和', or: '或', of: '的', the: '' };

/**
 * Remarks for probable typos in one paragraph's canonical text, in text order: the report's
 * known typos (data shipped with it) plus English words stranded between Chinese characters.
 */
export function findTypos(text: string, known: readonly KnownTypo[] = []): TypoHit[] {
  const hits: TypoHit[] = [];
  for (const t of known) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(t.context, from);
      if (at === -1) break;
      const s = at + t.context.indexOf(t.suspect);
      hits.push({ start: s, end: s + t.suspect.length, note: t.note });
      from = at + t.context.length;
    }
  }
  for (const m of text.matchAll(STRAY_WORD)) {
    const word = m[1];
    const s = (m.index ?? 0) + m[0].indexOf(word);
    const meant = STRAY_NOTE[word];
    const note =
      meant !== undefined && meant !== ''
        ? `疑为“${meant}”：中文句中夹有英文“${word}”（原文如此）`
        : `中文句中夹有英文“${word}”，疑为排版错误（原文如此）`;
    hits.push({ start: s, end: s + word.length, note });
  }
  return hits.sort((a, b) => a.start - b.start);
}
