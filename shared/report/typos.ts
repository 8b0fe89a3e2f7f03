/**
 * Probable typos in official source text. They are never corrected: the segmenter turns them
 * into reader-visible remarks (勘误提示) so the official words stay intact.
 */

export interface TypoHit {
  start: number;
  end: number;
  note: string;
}

interface KnownTypo {
  /** Context that must match exactly (keeps false positives out). */
  context: string;
  /** Suspect characters inside `context`. */
  suspect: string;
  note: string;
}

/** Typos observed in bundled reports; extend as new reports are prepared. */
const KNOWN_TYPOS: KnownTypo[] = [
  { context: '丰炉煤气', suspect: '丰炉煤气', note: '疑为“焦炉煤气”（原文如此）' },
  { context: '两大标准化种植规模', suspect: '两大', note: '疑为“扩大”：“扩大标准化种植规模”（原文如此）' },
];

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** A lowercase English word set in spaces between Chinese characters (`美化 and 村庄`). */
const STRAY_WORD = new RegExp(`(?<=[${HAN}])\\s+([a-z]{2,})\\s+(?=[${HAN}])`, 'g');
const STRAY_NOTE: Record<string, string> = { and: '和', or: '或', of: '的', the: '' };

/** Remarks for probable typos in one paragraph's canonical text, in text order. */
export function findTypos(text: string): TypoHit[] {
  const hits: TypoHit[] = [];
  for (const t of KNOWN_TYPOS) {
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
