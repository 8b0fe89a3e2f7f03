/**
 * Stage 6, paragraphs: units become paragraphs with stable ids and citation labels, markup residue
 * resolved (`PM_{2.5}` → `PM2.5` + subscript), inline heading end, marker, leads, sentences and
 * the report's known typos as remarks.
 *
 * Ids come from the structural position: `h2` (part 二), `h3-1` (item (一) of part 三), `p3-1-2`
 * (2nd body paragraph of 三(一)), `p0-0-1` (before any part), `s1` (unnumbered heading), `a1`,
 * `a1-t1`, `a1-3` (appendix heading, its title line, its 3rd paragraph).
 */
import type { Paragraph, ParagraphKind, Remark } from '../model';
import { toChineseNumeral } from '../chinese-numerals';
import { findLeads, parallelOpenings, seriesPrefix } from '../leads';
import { resolveMarkup } from '../markup';
import { splitSentences } from '../sentences';
import { findTypos, type KnownTypo } from '../typos';
import type { RepairLog } from './repair-log';
import { DATELINE, MARKER } from './shapes';
import type { Unit } from './structure';

/** Paragraphs of one part sharing an opening phrase that make a series of comma leads. */
const SERIES_MIN = 3;

export interface Paragraphs {
  paragraphs: Paragraph[];
  remarks: Remark[];
  /** First source line of each paragraph → its id (for anchoring repairs). */
  lineToParagraph: Map<number, string>;
}

/** Id and label of each unit, in order. */
function identify(units: readonly Unit[]): { id: string; label: string }[] {
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const appendixCount = new Set(units.map((u) => u.appendix ?? 0).filter((a) => a > 0)).size;
  let sections = 0;
  return units.map((u) => {
    const partLabel = u.part === 0 ? '序' : toChineseNumeral(u.part);
    const itemLabel = u.item === 0 ? partLabel : `${partLabel}(${toChineseNumeral(u.item)})`;
    if (u.appendix) {
      const name = appendixCount > 1 ? `附件${u.appendix}` : '附件';
      // Heading lines (`附件`, its title) and body paragraphs are counted apart: 附件¶1 is the first item.
      if (u.kind === 'section') {
        const n = next(`a${u.appendix}t`);
        return { id: n === 1 ? `a${u.appendix}` : `a${u.appendix}-t${n - 1}`, label: name };
      }
      const n = next(`a${u.appendix}`);
      return { id: `a${u.appendix}-${n}`, label: `${name}¶${n}` };
    }
    if (u.kind === 'section') return { id: `s${++sections}`, label: partLabel };
    if (u.kind === 'part') return { id: `h${u.part}`, label: partLabel };
    if (u.kind === 'item') return { id: `h${u.part}-${u.item}`, label: itemLabel };
    const n = next(`${u.part}-${u.item}`);
    return { id: `p${u.part}-${u.item}-${n}`, label: `${itemLabel}¶${n}` };
  });
}

/** Which body units open in a series (`五年来，…` ×3 in a part, or parallel openings in a row). */
function seriesFlags(units: readonly Unit[]): boolean[] {
  const counts = new Map<string, number>();
  const prefixes = units.map((u) => (u.kind === 'body' && !u.inlineItem ? seriesPrefix(u.text) : null));
  units.forEach((u, i) => {
    const p = prefixes[i];
    if (p) counts.set(`${u.part}|${p}`, (counts.get(`${u.part}|${p}`) ?? 0) + 1);
  });
  const parallel = parallelOpenings(units.map((u) => (u.kind === 'body' && !u.inlineItem && !u.appendix ? u.text : null)));
  return units.map((u, i) => {
    const p = prefixes[i];
    return (p !== null && (counts.get(`${u.part}|${p}`) ?? 0) >= SERIES_MIN) || parallel[i];
  });
}

export function buildParagraphs(units: readonly Unit[], typos: readonly KnownTypo[] | undefined, log: RepairLog): Paragraphs {
  const ids = identify(units);
  const series = seriesFlags(units);
  const paragraphs: Paragraph[] = [];
  const remarks: Remark[] = [];
  const lineToParagraph = new Map<number, string>();
  let offset = 0;
  let prevKind: ParagraphKind | null = null;
  units.forEach((u, i) => {
    const { id, label } = ids[i];
    if (!lineToParagraph.has(u.line)) lineToParagraph.set(u.line, id);
    const markup = resolveMarkup(u.text);
    const text = markup.text;
    for (const r of markup.resolved) {
      log.addTo(id, { kind: 'markup-subscript', detail: `排版标记“${r.original}”已还原为“${r.replacement}”（下标显示）`, original: r.original, replacement: r.replacement, line: u.line, col: r.start, anchorLine: u.line });
    }
    const sentences = splitSentences(text);
    const headingEnd = u.kind === 'body' && u.inlineItem && sentences.length > 0 ? sentences[0].end : 0;
    const markerMatch = u.kind === 'body' && headingEnd === 0 && !DATELINE.test(text) ? MARKER.exec(text) : null;
    const marker = markerMatch ? markerMatch[1] : null;
    const inSeries = u.kind === 'body' && headingEnd === 0 && series[i];
    const leads = u.kind === 'body' ? findLeads({ text, sentences, headingEnd, marker, opensPart: prevKind === 'part', inSeries }) : [];
    prevKind = u.kind;
    paragraphs.push({
      id,
      kind: u.kind,
      label,
      text,
      start: offset,
      part: u.part,
      item: u.item,
      ...(u.appendix ? { appendix: u.appendix } : {}),
      headingEnd,
      lead: leads[0] ?? null,
      ...(leads.length > 1 ? { leads } : {}),
      marker,
      subscripts: markup.subscripts,
      sentences: sentences.map((s, k) => ({ id: `${id}.s${k + 1}`, start: s.start, end: s.end })),
    });
    for (const t of findTypos(text, typos)) remarks.push({ paragraphId: id, start: t.start, end: t.end, note: t.note });
    offset += text.length + 1;
  });
  return { paragraphs, remarks, lineToParagraph };
}
