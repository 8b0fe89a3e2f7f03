/**
 * The report segmenter: plain text of a government work report → `Report` (see model.ts and
 * ../shared/design/report-format.md).
 *
 * Pipeline, each step recording what it changed as a `Repair` (in source order):
 *  1. normalise line breaks; every non-empty line is a candidate paragraph (blank-line and
 *     single-newline layouts are treated alike; full-width/ASCII indentation is trimmed);
 *  2. strip continuation markers `(上接第N版)` / `(下转第N版)` → `continuesFrom` / `continuesOn`;
 *  3. front matter (before `各位代表`, the first heading or the first long paragraph): web chrome
 *     is removed, the first report-like line becomes the title, the rest (dateline, speaker) stays
 *     as part-0 body text; the trailing `相关报道：` block is removed;
 *  4. page-break joins: a paragraph ending mid-sentence (letter, digit, Han, `，`/`、`) joins the
 *     next unless either side is a heading/marker line;
 *  5. structure: parts `一、` (short line, numbered in sequence), items `(一)`/`（一）` (increasing
 *     within a part), standalone or inline; an inline item whose sibling items are standalone is
 *     split after its first sentence (run-together heading);
 *  6. per paragraph: `PM_{2.5}` → `PM2.5` + subscript range, inline heading end, bullet/sub-item
 *     marker, lead (小标题), sentences, typo remarks.
 *
 * A fragment that starts with `(上接第N版)` and whose first part heading is `K、` (K > 1) has the
 * text before that heading assigned to part K−1 (its heading is on the previous page): in the
 * bundled report that is part 一, labelled `一¶1`…, with an outline entry `一、（标题见第一版）`.
 * Without a continuation marker such text is part 0 (`p0-0-n`, label `序¶n`).
 * Inside a part, a paragraph starting with `各位代表` after the items returns to the part level
 * (item 0), since it addresses the whole part.
 */
import type { FrontLine, OutlineEntry, Paragraph, ParagraphKind, Remark, Repair, Report } from './model';
import { parseChineseNumeral, toChineseNumeral } from './chinese-numerals';
import { bodyChromeReason, frontMatterChromeReason, isTailChromeStart } from './chrome';
import { fingerprintText } from './fingerprint';
import { resolveMarkup } from './markup';
import { splitSentences } from './sentences';
import { findLeads, parallelOpenings, seriesPrefix } from './leads';
import { findTypos, type KnownTypo } from './typos';

export interface SegmentOptions {
  /** Report id (`changzhi-2026`); defaults to `report`. */
  id?: string;
  /** Probable typos known for this report (its `typos.json`), flagged as remarks. */
  typos?: readonly KnownTypo[];
}

const CONTINUATION = /[（(]\s*(上接|紧接|接|下转|转)\s*(第\s*[一二三四五六七八九十百零〇\d]+\s*版)\s*[)）]/g;
const PART = /^([一二三四五六七八九十]{1,3})、/;
const ITEM = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
/** `——` bullets, `1.` / `1、` / `(1)` sub-items (a decimal such as `2.5` is not a marker). */
const MARKER = /^(——|[—－-]{2}|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])/;
const DATELINE = /^[—－-]{0,2}\s*(\d{4}|[〇零一二三四五六七八九]{4})年.{1,12}日在.*会议上/;
const ADDRESS = /^各位代表/;
/** Paragraphs sharing an opening phrase that make a series of comma leads. */
const SERIES_MIN = 3;
/** First line of an appendix: `附件`, `附件1`, `附件2：…`, `名词解释`, `注释`. */
const APPENDIX_START = /^(附件\s*[0-9０-９一二三四五六七八九十]{0,2}([：:\s].{0,40})?|名词解释|注释|附：.{0,40})$/;
/** The salutation alone on its line (`各位代表：`); `各位代表！回顾…` is body text. */
const SALUTATION = /^各位代表[：:！!，,]?$/;
const SPEAKER = /^(\S{0,20}(省长|市长|主席|区长|州长|县长|盟长|代省长|代市长|代主席))\s*\S{1,4}$/;
const ENUMERATED = /^[一二三四五六七八九十]{1,3}(是|要|是要)/;
const SPACE_EDGES = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const ENDS_MID_SENTENCE = /[\p{L}\p{N}，,、]$/u;
const ENDS_WITH_COMMA = /[，,、]$/;
const INNER_PUNCT = /[，,。：:；;、！!？?]/;
const TERMINAL = /[。．.！!？?；;：:\s\u3000]+$/;

/** Maximum length of a part heading line (longer `一、…` lines are running text). */
const PART_MAX = 50;
/** Maximum length of a standalone item heading. */
const ITEM_MAX = 80;
/** Front matter ends at the first line at least this long. */
const BODY_LINE_MIN = 60;

interface Block {
  text: string;
  /** Source line indices that make up the block (more than one after a page-break join). */
  lines: number[];
  frontMatter: boolean;
}

interface PendingRepair extends Repair {
  line: number;
  col: number;
  /** Resolved to a paragraph id at the end. */
  anchorLine: number;
}

interface Unit {
  kind: ParagraphKind;
  part: number;
  item: number;
  text: string;
  line: number;
  /** Inline item heading present at the start of a body unit. */
  inlineItem: boolean;
  /** 1-based appendix (附件N, 名词解释) the unit belongs to, 0 for the report itself. */
  appendix?: number;
}

/**
 * Segments a report's plain text (already decoded; see decode.ts) into the `Report` model.
 * Deterministic: the same text always gives the same ids, offsets and fingerprint. Never throws
 * on odd input; a text without any structure yields body paragraphs in part 0.
 */
export function segmentReport(source: string, options: SegmentOptions = {}): Report {
  const repairs: PendingRepair[] = [];
  const addRepair = (r: Omit<PendingRepair, 'paragraphId'>) => repairs.push({ ...r, paragraphId: '' });

  const text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const rawLines = text.split('\n');

  // 2. Continuation markers (where they sit decides below whether the text is a fragment).
  const markers: { line: number; col: number; end: number; from: boolean; page: string; raw: string }[] = [];
  const lines = rawLines.map((raw, li) => {
    if (!raw.includes('版')) return raw.replace(SPACE_EDGES, '');
    const line = raw.replace(CONTINUATION, (m, dir: string, page: string, col: number) => {
      markers.push({ line: li, col, end: col + m.length, from: !dir.includes('转'), page: page.replace(/\s+/g, ''), raw: m });
      return '';
    });
    return line.replace(SPACE_EDGES, '');
  });

  // 3. Tail chrome: from `相关报道：` on, as long as only short lines follow.
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '' && isTailChromeStart(lines[i])) {
      if (lines.slice(i + 1).every((l) => l.length < BODY_LINE_MIN)) {
        end = i;
        break;
      }
    }
  }
  for (let i = end; i < lines.length; i++) {
    if (lines[i] === '') continue;
    addRepair({
      kind: 'chrome-removed',
      detail: `已移除网页元素（文末相关链接）：“${lines[i]}”`,
      original: lines[i],
      replacement: '',
      line: i,
      col: 0,
      anchorLine: Number.MAX_SAFE_INTEGER,
    });
  }

  // 3. Front matter.
  let bodyStart = end;
  for (let i = 0; i < end; i++) {
    const t = lines[i];
    if (t === '') continue;
    const markerLine = rawLines[i].replace(SPACE_EDGES, '') !== t;
    if (ADDRESS.test(t) || isPartCandidate(t) || ITEM.test(t) || markerLine || (t.length >= BODY_LINE_MIN && !frontMatterChromeReason(lines, i))) {
      bodyStart = i;
      break;
    }
  }
  // A marker before any body text / after all of it makes the text a fragment of a longer print.
  const bodyLines = lines.map((t, i) => i).filter((i) => i >= bodyStart && i < end && lines[i] !== '');
  let continuesFrom: string | null = null;
  let continuesOn: string | null = null;
  for (const m of markers) {
    const raw = rawLines[m.line];
    const atStart = m.line === bodyLines[0] && raw.slice(0, m.col).replace(CONTINUATION, '').trim() === '';
    const atEnd = m.line === bodyLines[bodyLines.length - 1] && raw.slice(m.end).replace(CONTINUATION, '').trim() === '';
    if (m.from && atStart && continuesFrom === null) continuesFrom = m.page;
    if (!m.from && atEnd) continuesOn = m.page;
    const where = (m.from && atStart) || (!m.from && atEnd) ? `本文${m.from ? '上接' : '下转'}${m.page}` : '标记位于正文中间，未作为残篇信息';
    addRepair({ kind: 'continuation-marker', detail: `已移除版面接转标记“${m.raw}”：${where}`, original: m.raw, replacement: '', line: m.line, col: m.col, anchorLine: m.line });
  }

  // Header lines are short and are not sentences; the first sentence-like line starts the body.
  for (let i = 0; i < bodyStart; i++) {
    const t = lines[i];
    if (t === '' || frontMatterChromeReason(lines, i) || frontKind(t) !== 'other') continue;
    if (t.length > 40 || /[。！!？?；;]$/.test(t)) {
      bodyStart = i;
      break;
    }
  }
  let title = '';
  const front: FrontLine[] = [];
  const blocks: Block[] = [];
  const keptFront = new Set<string>();
  for (let i = 0; i < bodyStart; i++) {
    const t = lines[i];
    if (t === '') continue;
    let reason = frontMatterChromeReason(lines, i);
    if (!reason && (t === title || keptFront.has(t))) reason = '重复的标题或题注';
    if (!reason && title === '' && looksLikeTitle(t)) {
      title = t;
      front.push({ kind: 'title', text: t });
      addRepair({ kind: 'title-extracted', detail: `首行“${t}”作为报告标题`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    if (reason) {
      addRepair({ kind: 'chrome-removed', detail: `已移除网页元素（${reason}）：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    keptFront.add(t);
    // `省长 龚 正`: the spaces that centre a two-character name are layout (a PDF loses them).
    front.push({ kind: frontKind(t), text: t.replace(/(?<=\p{sc=Han})[ \u3000]+(?=\p{sc=Han})/gu, '') });
    addRepair({ kind: 'front-matter', detail: `移入报头：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
  }
  // The salutation that opens the speech belongs to the header: body numbering starts after it.
  if (bodyStart < end && SALUTATION.test(lines[bodyStart])) {
    const t = lines[bodyStart];
    front.push({ kind: 'address', text: t });
    addRepair({ kind: 'front-matter', detail: `移入报头：“${t}”`, original: t, replacement: '', line: bodyStart, col: 0, anchorLine: bodyStart });
    bodyStart++;
  }
  for (let i = bodyStart; i < end; i++) {
    const t = lines[i];
    if (t === '') continue;
    const reason = bodyChromeReason(t);
    if (reason) {
      addRepair({ kind: 'chrome-removed', detail: `已移除网页元素（${reason}）：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    blocks.push({ text: t, lines: [i], frontMatter: false });
  }

  // 4. Page-break joins.
  const joined: Block[] = [];
  for (const b of blocks) {
    const prev = joined[joined.length - 1];
    if (prev && !prev.frontMatter && !b.frontMatter && endsMidParagraph(prev.text) && !startsStructure(b.text)) {
      addRepair({
        kind: 'page-break-join',
        detail: `已接合被版面断开的段落：“…${prev.text.slice(-8)}” + “${b.text.slice(0, 12).split(/[，,。；;：:]/)[0]}…”`,
        line: b.lines[0],
        col: 0,
        anchorLine: prev.lines[0],
      });
      prev.text += b.text;
      prev.lines.push(...b.lines);
    } else {
      joined.push({ ...b, lines: [...b.lines] });
    }
  }

  // 5. Structure.
  const firstPart = joined.find((b) => !b.frontMatter && isPartCandidate(b.text));
  const firstPartNo = firstPart ? parseChineseNumeral(PART.exec(firstPart.text)![1])! : 0;
  const inferredPart = continuesFrom !== null && firstPartNo > 1 ? firstPartNo - 1 : 0;
  const units: Unit[] = [];
  let part = 0;
  let lastPart = 0;
  let item = 0;
  let lastItem = 0;
  let started = false;
  let appendix = 0;
  for (let bi = 0; bi < joined.length; bi++) {
    const b = joined[bi];
    if (!b.frontMatter && !started) {
      started = true;
      part = lastPart = inferredPart;
    }
    const line = b.lines[0];
    // Appendices follow the closing paragraph: their numbered lists never join the report's parts.
    if (lastPart > 0 && APPENDIX_START.test(b.text)) {
      appendix++;
      units.push({ kind: 'section', part: 0, item: 0, text: b.text, line, inlineItem: false, appendix });
      const next = joined[bi + 1];
      if (next && b.text.length <= 6 && isTitleLine(next.text)) {
        units.push({ kind: 'section', part: 0, item: 0, text: next.text, line: next.lines[0], inlineItem: false, appendix });
        bi++;
      }
      continue;
    }
    if (appendix > 0) {
      units.push({ kind: 'body', part: 0, item: 0, text: b.text, line, inlineItem: false, appendix });
      continue;
    }
    if (firstPartNo > 0 && isUnnumberedPartHeading(b.text, joined[bi + 1]?.text)) {
      units.push({ kind: 'section', part, item: 0, text: b.text, line, inlineItem: false });
      continue;
    }
    if (!b.frontMatter && isPartCandidate(b.text)) {
      const n = parseChineseNumeral(PART.exec(b.text)![1])!;
      if (n === lastPart + 1 || (lastPart === 0 && (n === 1 || continuesFrom !== null))) {
        part = lastPart = n;
        item = lastItem = 0;
        units.push({ kind: 'part', part, item: 0, text: b.text, line, inlineItem: false });
        continue;
      }
    }
    if (!b.frontMatter && firstPartNo === 0 && isUnnumberedPartHeading(b.text, joined[bi + 1]?.text)) {
      part = lastPart = lastPart + 1;
      item = lastItem = 0;
      units.push({ kind: 'part', part, item: 0, text: b.text, line, inlineItem: false });
      continue;
    }
    const im = b.frontMatter ? null : ITEM.exec(b.text);
    if (im) {
      const n = parseChineseNumeral(im[1]);
      const fragmentStart = lastItem === 0 && part === inferredPart && inferredPart > 0;
      if (n !== null && (n > lastItem && (n <= lastItem + 2 || fragmentStart))) {
        item = lastItem = n;
        const standalone = isStandaloneItem(b.text);
        units.push({ kind: standalone ? 'item' : 'body', part, item, text: b.text, line, inlineItem: !standalone });
        continue;
      }
    }
    if (item > 0 && ADDRESS.test(b.text)) item = 0;
    units.push({ kind: 'body', part: b.frontMatter ? 0 : part, item: b.frontMatter ? 0 : item, text: b.text, line, inlineItem: false });
  }

  // 5b. Run-together headings: split an inline item when its siblings are standalone.
  const itemsPerPart = new Map<number, { all: number; standalone: number }>();
  for (const u of units) {
    if (u.kind !== 'item' && !u.inlineItem) continue;
    const c = itemsPerPart.get(u.part) ?? { all: 0, standalone: 0 };
    c.all++;
    if (u.kind === 'item') c.standalone++;
    itemsPerPart.set(u.part, c);
  }
  const finalUnits: Unit[] = [];
  for (const u of units) {
    if (u.inlineItem) {
      // Siblings = the other items of the same part; this one is inline, so not standalone.
      const { all, standalone } = itemsPerPart.get(u.part)!;
      const siblings = all - 1;
      if (standalone >= 2 && standalone * 2 > siblings) {
        const first = splitSentences(u.text)[0];
        const rest = u.text.slice(first.end).replace(SPACE_EDGES, '');
        if (rest !== '') {
          const head = u.text.slice(0, first.end);
          addRepair({
            kind: 'run-together-heading',
            detail: `条目标题与正文印在同一段，已拆分：“${head}” | “${rest.slice(0, 8)}…”`,
            line: u.line,
            col: first.end,
            anchorLine: u.line,
          });
          finalUnits.push({ ...u, kind: 'item', text: head, inlineItem: false });
          finalUnits.push({ ...u, kind: 'body', text: rest, inlineItem: false });
          continue;
        }
      }
    }
    finalUnits.push(u);
  }

  // 6. Paragraphs.
  const paragraphs: Paragraph[] = [];
  const remarks: Remark[] = [];
  const counters = new Map<string, number>();
  const lineToParagraph = new Map<number, string>();
  let offset = 0;
  let prevKind: ParagraphKind | null = null;
  let sectionCount = 0;
  // Comma-lead series: paragraphs of one part opening with the same phrase (`五年来，`).
  const seriesCounts = new Map<string, number>();
  for (const u of finalUnits) {
    const prefix = u.kind === 'body' && !u.inlineItem ? seriesPrefix(u.text) : null;
    if (prefix) seriesCounts.set(`${u.part}|${prefix}`, (seriesCounts.get(`${u.part}|${prefix}`) ?? 0) + 1);
  }
  const parallel = parallelOpenings(finalUnits.map((u) => (u.kind === 'body' && !u.inlineItem && !u.appendix ? u.text : null)));
  let unitIndex = -1;
  const appendixCount = new Set(finalUnits.map((u) => u.appendix ?? 0).filter((a) => a > 0)).size;
  for (const u of finalUnits) {
    unitIndex++;
    let id: string;
    let label: string;
    const partLabel = u.part === 0 ? '序' : toChineseNumeral(u.part);
    const itemLabel = u.item === 0 ? partLabel : `${partLabel}(${toChineseNumeral(u.item)})`;
    if (u.appendix) {
      const name = appendixCount > 1 ? `附件${u.appendix}` : '附件';
      // Heading lines (`附件`, its title) and body paragraphs are counted apart: 附件¶1 is the first item.
      const key = u.kind === 'section' ? `a${u.appendix}t` : `a${u.appendix}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      id = u.kind === 'section' ? (n === 1 ? `a${u.appendix}` : `a${u.appendix}-t${n - 1}`) : `a${u.appendix}-${n}`;
      label = u.kind === 'section' ? name : `${name}¶${n}`;
    } else if (u.kind === 'section') {
      sectionCount++;
      id = `s${sectionCount}`;
      label = partLabel;
    } else if (u.kind === 'part') {
      id = `h${u.part}`;
      label = partLabel;
    } else if (u.kind === 'item') {
      id = `h${u.part}-${u.item}`;
      label = itemLabel;
    } else {
      const key = `${u.part}-${u.item}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      id = `p${key}-${n}`;
      label = `${itemLabel}¶${n}`;
    }
    if (!lineToParagraph.has(u.line)) lineToParagraph.set(u.line, id);

    const markup = resolveMarkup(u.text);
    const ptext = markup.text;
    for (const r of markup.resolved) {
      repairs.push({
        kind: 'markup-subscript',
        paragraphId: id,
        detail: `排版标记“${r.original}”已还原为“${r.replacement}”（下标显示）`,
        original: r.original,
        replacement: r.replacement,
        line: u.line,
        col: r.start,
        anchorLine: u.line,
      });
    }
    const sentenceRanges = splitSentences(ptext);
    const headingEnd = u.kind === 'body' && u.inlineItem && sentenceRanges.length > 0 ? sentenceRanges[0].end : 0;
    const markerMatch = u.kind === 'body' && headingEnd === 0 && !DATELINE.test(ptext) ? MARKER.exec(ptext) : null;
    const marker = markerMatch ? markerMatch[1] : null;
    const prefix = u.kind === 'body' && headingEnd === 0 ? seriesPrefix(ptext) : null;
    const inSeries = (prefix !== null && (seriesCounts.get(`${u.part}|${prefix}`) ?? 0) >= SERIES_MIN) || parallel[unitIndex];
    const leads = u.kind === 'body' ? findLeads({ text: ptext, sentences: sentenceRanges, headingEnd, marker, opensPart: prevKind === 'part', inSeries }) : [];
    const lead = leads[0] ?? null;
    prevKind = u.kind;
    paragraphs.push({
      id,
      kind: u.kind,
      label,
      text: ptext,
      start: offset,
      part: u.part,
      item: u.item,
      ...(u.appendix ? { appendix: u.appendix } : {}),
      headingEnd,
      lead,
      ...(leads.length > 1 ? { leads } : {}),
      marker,
      subscripts: markup.subscripts,
      sentences: sentenceRanges.map((s, k) => ({ id: `${id}.s${k + 1}`, start: s.start, end: s.end })),
    });
    for (const t of findTypos(ptext, options.typos)) remarks.push({ paragraphId: id, start: t.start, end: t.end, note: t.note });
    offset += ptext.length + 1;
  }

  // Outline. Unnumbered headings above the numbered parts are level 0; appendices sit at the top level.
  const outline: OutlineEntry[] = [];
  const topLevel: 0 | 1 = paragraphs.some((p) => p.kind === 'section' && !p.appendix) ? 0 : 1;
  let inferredAnnounced = false;
  for (const p of paragraphs) {
    if (!inferredAnnounced && inferredPart > 0 && p.part === inferredPart && p.kind !== 'part') {
      inferredAnnounced = true;
      outline.push({ level: 1, title: `${toChineseNumeral(inferredPart)}、（标题见${continuesFrom}）`, paragraphId: p.id, label: p.label });
    }
    if (p.appendix) {
      if (p.kind === 'section' && APPENDIX_START.test(p.text)) {
        const titleLine = paragraphs.find((x) => x.appendix === p.appendix && x.kind === 'section' && x !== p);
        outline.push({ level: topLevel, title: titleLine ? `${p.text}　${titleLine.text}` : p.text, paragraphId: p.id, label: p.label });
      } else if (p.kind === 'body' && (APPENDIX_ITEM.test(p.text) || isPartCandidate(p.text) || ITEM.test(p.text))) {
        outline.push({ level: (topLevel + 1) as 1 | 2, title: appendixItemTitle(p.text), paragraphId: p.id, label: p.label });
      }
      continue;
    }
    if (p.kind === 'section') {
      outline.push({ level: 0, title: stripTerminal(p.text), paragraphId: p.id, label: p.label });
      continue;
    }
    if (p.kind === 'part' || p.kind === 'item') {
      outline.push({ level: p.kind === 'part' ? 1 : 2, title: stripTerminal(p.text), paragraphId: p.id, label: p.label });
      continue;
    }
    if (p.headingEnd > 0) {
      outline.push({ level: 2, title: stripTerminal(p.text.slice(0, p.headingEnd)), paragraphId: p.id, label: p.label });
    }
    for (const lead of p.leads ?? (p.lead ? [p.lead] : [])) {
      const s = p.marker && lead.start === 0 ? p.marker.length : lead.start;
      outline.push({ level: 3, title: stripTerminal(p.text.slice(s, lead.end)), paragraphId: p.id, label: p.label });
    }
  }

  // Repairs in source order, anchored to paragraphs.
  const firstId = paragraphs[0]?.id ?? '';
  const lastId = paragraphs[paragraphs.length - 1]?.id ?? '';
  const sortedLines = [...lineToParagraph.keys()].sort((a, b) => a - b);
  /** Paragraph of the last unit starting at or before `line` (binary search). */
  const paragraphAt = (line: number): string => {
    if (line === Number.MAX_SAFE_INTEGER) return lastId;
    let lo = 0;
    let hi = sortedLines.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sortedLines[mid] <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? firstId : lineToParagraph.get(sortedLines[found])!;
  };
  const orderedRepairs: Repair[] = repairs
    .map((r, k) => ({ r, k }))
    .sort((a, b) => a.r.line - b.r.line || a.r.col - b.r.col || a.k - b.k)
    .map(({ r }) => {
      const out: Repair = { kind: r.kind, paragraphId: r.paragraphId || paragraphAt(r.anchorLine), detail: r.detail };
      if (r.original !== undefined) out.original = r.original;
      if (r.replacement !== undefined) out.replacement = r.replacement;
      return out;
    });

  const fullText = paragraphs.map((p) => p.text).join('\n');
  return {
    id: options.id ?? 'report',
    title: title || '未命名报告',
    front,
    continuesFrom,
    continuesOn,
    fingerprint: fingerprintText(fullText),
    text: fullText,
    paragraphs,
    outline,
    repairs: orderedRepairs,
    remarks,
  };
}

function frontKind(t: string): FrontLine['kind'] {
  if (DATELINE.test(t)) return 'dateline';
  if (SPEAKER.test(t)) return 'speaker';
  if (SALUTATION.test(t)) return 'address';
  return 'other';
}

const APPENDIX_ITEM = /^(\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])/;

/** Outline title of an appendix list item: its first clause, at most 30 characters. */
function appendixItemTitle(t: string): string {
  const first = t.split(/[，,。；;：:]/)[0];
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

/** A short title line without sentence punctuation (the line after `附件`). */
function isTitleLine(t: string): boolean {
  return t.length <= 40 && !/[。，,；;！!？?]/.test(t);
}

function isPartCandidate(t: string): boolean {
  const m = PART.exec(t);
  if (!m || parseChineseNumeral(m[1]) === null || t.length > PART_MAX) return false;
  const stop = t.indexOf('。');
  return stop === -1 || stop === t.length - 1;
}

/**
 * A part heading without numeral (`“十四五”时期工作回顾`), only considered in reports that have
 * no numbered part at all: a short line without sentence punctuation, followed by a longer paragraph.
 */
function isUnnumberedPartHeading(t: string, next: string | undefined): boolean {
  if (t.length < 4 || t.length > 30 || /[，,。：:；;！!？?、]/.test(t) || !/[\p{sc=Han}”]$/u.test(t)) return false;
  if (ITEM.test(t) || MARKER.test(t) || ADDRESS.test(t) || DATELINE.test(t)) return false;
  return next !== undefined && next.length > t.length * 2 && !ITEM.test(next) && !ADDRESS.test(next);
}

/** A standalone item heading is one short sentence (with or without its `。`). */
function isStandaloneItem(t: string): boolean {
  return t.length <= ITEM_MAX && splitSentences(t).length === 1;
}

/** A title line: short, no sentence punctuation, not a dateline. */
function looksLikeTitle(t: string): boolean {
  return t.length <= 40 && !/[。，,；;：:]/.test(t) && !DATELINE.test(t) && !MARKER.test(t);
}

/** True when a body paragraph stops mid-sentence, i.e. was cut by the page layout. */
function endsMidParagraph(t: string): boolean {
  if (!ENDS_MID_SENTENCE.test(t)) return false;
  if (isPartCandidate(t) || (ITEM.test(t) && isStandaloneItem(t))) return false;
  // Short lines without punctuation are titles, datelines or headings, not sentence halves.
  return ENDS_WITH_COMMA.test(t) || INNER_PUNCT.test(t) || t.length > 40;
}

/** True when a paragraph opens with a heading, bullet, sub-item or address. */
function startsStructure(t: string): boolean {
  return isPartCandidate(t) || ITEM.test(t) || MARKER.test(t) || ADDRESS.test(t) || ENUMERATED.test(t) || isTailChromeStart(t);
}

function stripTerminal(t: string): string {
  return t.replace(TERMINAL, '');
}
