/**
 * Stage 7, outline: unnumbered headings above the parts (level 0), parts (1), items (2), leads (3);
 * an appendix is a top-level entry with its numbered list below it. A fragment's part whose
 * heading is on the previous page gets an entry `一、（标题见第一版）`.
 */
import type { OutlineEntry, Paragraph } from '../model';
import { toChineseNumeral } from '../chinese-numerals';
import { APPENDIX_ITEM, APPENDIX_START, ITEM, appendixItemTitle, isPartCandidate, stripTerminal } from './shapes';

export function buildOutline(paragraphs: readonly Paragraph[], inferredPart: number, continuesFrom: string | null): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  const topLevel: 0 | 1 = paragraphs.some((p) => p.kind === 'section' && !p.appendix) ? 0 : 1;
  let inferredAnnounced = false;
  for (const p of paragraphs) {
    const entry = (level: OutlineEntry['level'], title: string) => outline.push({ level, title, paragraphId: p.id, label: p.label });
    if (!inferredAnnounced && inferredPart > 0 && p.part === inferredPart && p.kind !== 'part') {
      inferredAnnounced = true;
      entry(1, `${toChineseNumeral(inferredPart)}、（标题见${continuesFrom}）`);
    }
    if (p.appendix) {
      if (p.kind === 'section' && APPENDIX_START.test(p.text)) {
        const titleLine = paragraphs.find((x) => x.appendix === p.appendix && x.kind === 'section' && x !== p);
        entry(topLevel, titleLine ? `${p.text}　${titleLine.text}` : p.text);
      } else if (p.kind === 'body' && (APPENDIX_ITEM.test(p.text) || isPartCandidate(p.text) || ITEM.test(p.text))) {
        entry((topLevel + 1) as 1 | 2, appendixItemTitle(p.text));
      }
      continue;
    }
    if (p.kind === 'section') {
      entry(0, stripTerminal(p.text));
      continue;
    }
    if (p.kind === 'part' || p.kind === 'item') {
      entry(p.kind === 'part' ? 1 : 2, stripTerminal(p.text));
      continue;
    }
    if (p.headingEnd > 0) entry(2, stripTerminal(p.text.slice(0, p.headingEnd)));
    for (const lead of p.leads ?? (p.lead ? [p.lead] : [])) {
      const s = p.marker && lead.start === 0 ? p.marker.length : lead.start;
      entry(3, stripTerminal(p.text.slice(s, lead.end)));
    }
  }
  return outline;
}
