/**
 * Stage 5, headings: each block becomes a unit with its place in the report — parts `一、`
 * (numbered in sequence), items `(一)`/`（一）` (increasing within a part, standalone or inline),
 * unnumbered headings above the parts, appendices (附件/名词解释) with their own lists. An inline
 * item whose sibling items are standalone headings is split after its first sentence.
 *
 * A fragment continued from page N whose first part heading is `K、` (K > 1) has the text before
 * that heading in part K−1 (its heading is on the previous page). A paragraph starting with
 * 各位代表 after a part's items returns to the part level: it addresses the whole part.
 */
import type { ParagraphKind } from '../model';
import { parseChineseNumeral } from '../chinese-numerals';
import { splitSentences } from '../sentences';
import type { RepairLog } from './repair-log';
import { ADDRESS, APPENDIX_START, ITEM, PART, SPACE_EDGES, isPartCandidate, isStandaloneItem, isTitleLine, isUnnumberedPartHeading } from './shapes';
import type { Block } from './site-chrome';

export interface Unit {
  kind: ParagraphKind;
  part: number;
  item: number;
  text: string;
  /** First source line. */
  line: number;
  /** Inline item heading present at the start of a body unit. */
  inlineItem: boolean;
  /** 1-based appendix (附件N, 名词解释) the unit belongs to; absent for the report itself. */
  appendix?: number;
}

export interface Structure {
  units: Unit[];
  /** Part the text before the first heading belongs to (fragments), else 0. */
  inferredPart: number;
}

export function assignStructure(blocks: readonly Block[], continuesFrom: string | null): Structure {
  const firstPart = blocks.find((b) => isPartCandidate(b.text));
  const firstPartNo = firstPart ? parseChineseNumeral(PART.exec(firstPart.text)![1])! : 0;
  const inferredPart = continuesFrom !== null && firstPartNo > 1 ? firstPartNo - 1 : 0;
  const units: Unit[] = [];
  let part = inferredPart;
  let lastPart = inferredPart;
  let item = 0;
  let lastItem = 0;
  let appendix = 0;
  let appendixPart = 0;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const line = b.lines[0];
    const unit = (kind: ParagraphKind, extra: Partial<Unit> = {}): Unit => ({ kind, part, item: 0, text: b.text, line, inlineItem: false, ...extra });
    // Appendices follow the closing paragraph: their numbered lists never join the report's parts.
    // Each appendix gets a part number after the report's last part, so grouping by part (annotation
    // list, search, export) never mixes it with the text before part 一.
    if (lastPart > 0 && APPENDIX_START.test(b.text)) {
      appendix++;
      part = appendixPart = lastPart + appendix;
      units.push(unit('section', { appendix }));
      const next = blocks[bi + 1];
      if (next && b.text.length <= 6 && isTitleLine(next.text)) {
        units.push({ kind: 'section', part, item: 0, text: next.text, line: next.lines[0], inlineItem: false, appendix });
        bi++;
      }
      continue;
    }
    if (appendix > 0) {
      units.push(unit('body', { part: appendixPart, appendix }));
      continue;
    }
    if (firstPartNo > 0 && isUnnumberedPartHeading(b.text, blocks[bi + 1]?.text)) {
      units.push(unit('section'));
      continue;
    }
    if (isPartCandidate(b.text)) {
      const n = parseChineseNumeral(PART.exec(b.text)![1])!;
      if (n === lastPart + 1 || (lastPart === 0 && (n === 1 || continuesFrom !== null))) {
        part = lastPart = n;
        item = lastItem = 0;
        units.push(unit('part'));
        continue;
      }
    }
    // Without numbered parts, unnumbered headings are the parts.
    if (firstPartNo === 0 && isUnnumberedPartHeading(b.text, blocks[bi + 1]?.text)) {
      part = lastPart = lastPart + 1;
      item = lastItem = 0;
      units.push(unit('part'));
      continue;
    }
    const im = ITEM.exec(b.text);
    if (im) {
      const n = parseChineseNumeral(im[1]);
      const fragmentStart = lastItem === 0 && part === inferredPart && inferredPart > 0;
      if (n !== null && n > lastItem && (n <= lastItem + 2 || fragmentStart)) {
        item = lastItem = n;
        const standalone = isStandaloneItem(b.text);
        units.push(unit(standalone ? 'item' : 'body', { item, inlineItem: !standalone }));
        continue;
      }
    }
    if (item > 0 && ADDRESS.test(b.text)) item = 0;
    units.push(unit('body', { item }));
  }
  return { units, inferredPart };
}

/** Splits an inline item after its first sentence when most sibling items of its part stand alone. */
export function splitRunTogetherHeadings(units: readonly Unit[], log: RepairLog): Unit[] {
  const itemsPerPart = new Map<number, { all: number; standalone: number }>();
  for (const u of units) {
    if (u.kind !== 'item' && !u.inlineItem) continue;
    const c = itemsPerPart.get(u.part) ?? { all: 0, standalone: 0 };
    c.all++;
    if (u.kind === 'item') c.standalone++;
    itemsPerPart.set(u.part, c);
  }
  const out: Unit[] = [];
  for (const u of units) {
    if (u.inlineItem) {
      // Siblings = the other items of the same part; this one is inline, so not standalone.
      const { all, standalone } = itemsPerPart.get(u.part)!;
      if (standalone >= 2 && standalone * 2 > all - 1) {
        const first = splitSentences(u.text)[0];
        const rest = u.text.slice(first.end).replace(SPACE_EDGES, '');
        if (rest !== '') {
          const head = u.text.slice(0, first.end);
          log.add({ kind: 'run-together-heading', detail: `条目标题与正文印在同一段，已拆分：“${head}” | “${rest.slice(0, 8)}…”`, line: u.line, col: first.end, anchorLine: u.line });
          out.push({ ...u, kind: 'item', text: head, inlineItem: false });
          out.push({ ...u, kind: 'body', text: rest, inlineItem: false });
          continue;
        }
      }
    }
    out.push(u);
  }
  return out;
}
