/**
 * 对照阅读: the part of another report that goes with a part of this one. Parts are matched by
 * their heading words with the numbering taken off (`三、2026年工作安排` ~ `四、2026年工作安排`),
 * else by the closest heading (shared character pairs), else by the same citation label.
 */
import type { OutlineEntry, Report } from '../report/model';

/** A heading without its number, punctuation or spaces: `（二）着力推动能源转型。` → `着力推动能源转型`. */
export function headingWords(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/^\s*(?:[一二三四五六七八九十百零〇]+[、.．]|\([一二三四五六七八九十百零〇]+\)|\d+[、.．])\s*/, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function pairs(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of the character pairs of two headings (0..1). */
function closeness(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.size === 0 || pb.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const p of pa) if (pb.has(p)) shared++;
  return (2 * shared) / (pa.size + pb.size);
}

/** Headings this alike are the same part under another wording. */
export const SAME_HEADING = 0.5;

/**
 * The paragraph id in `to` of the part matching `entry` of `from`, or null when no heading of `to`
 * goes with it. Only entries of the same level are compared (a part never matches an item).
 */
export function samePart(entry: OutlineEntry, to: Report): string | null {
  const words = headingWords(entry.title);
  const candidates = to.outline.filter((e) => e.level === entry.level);
  const exact = candidates.find((e) => headingWords(e.title) === words);
  if (exact) return exact.paragraphId;
  let best: OutlineEntry | null = null;
  let score = SAME_HEADING;
  for (const e of candidates) {
    const s = closeness(words, headingWords(e.title));
    if (s >= score) [best, score] = [e, s];
  }
  if (best) return best.paragraphId;
  return candidates.find((e) => e.label === entry.label)?.paragraphId ?? null;
}
