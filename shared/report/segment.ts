/**
 * The report segmenter: plain text of a government work report → `Report` (see model.ts and
 * ../shared/design/report-format.md), as a pipeline of named stages (./stages), each recording
 * what it changed as a `Repair`:
 *
 *   lines → chrome (tail block, body chrome) → front matter (+ continuation markers) → joins →
 *   headings (parts, items, sections, appendices; run-together items split) → paragraphs
 *   (markup, markers, leads, sentences, typos) → outline → repairs in source order.
 *
 * Decoding and format import (docx/pdf/html) happen before, in ./load.
 */
import type { Report } from './model';
import { fingerprintText } from './fingerprint';
import type { KnownTypo } from './typos';
import { resolveContinuation } from './stages/continuation';
import { findBodyStart, firstSentenceLine, readFrontMatter } from './stages/front-matter';
import { joinPageBreaks } from './stages/joins';
import { splitLines } from './stages/lines';
import { buildOutline } from './stages/outline';
import { buildParagraphs } from './stages/paragraphs';
import { RepairLog } from './stages/repair-log';
import { bodyBlocks, stripTailChrome } from './stages/site-chrome';
import { assignStructure, splitRunTogetherHeadings } from './stages/structure';

export interface SegmentOptions {
  /** Report id (`changzhi-2026`); defaults to `report`. */
  id?: string;
  /** Probable typos known for this report (its `typos.json`), flagged as remarks. */
  typos?: readonly KnownTypo[];
}

/**
 * Segments a report's plain text (already decoded) into the `Report` model. Deterministic: the
 * same text always gives the same ids, offsets and fingerprint. Never throws on odd input; a text
 * without any structure yields body paragraphs in part 0.
 */
export function segmentReport(source: string, options: SegmentOptions = {}): Report {
  const log = new RepairLog();
  const src = splitLines(source);
  const end = stripTailChrome(src.lines, log);
  const firstBody = findBodyStart(src, end);
  const { continuesFrom, continuesOn } = resolveContinuation(src, firstBody, end, log);
  const header = readFrontMatter(src.lines, firstSentenceLine(src.lines, firstBody), end, log);
  const blocks = joinPageBreaks(bodyBlocks(src.lines, header.bodyStart, end, log), log);
  const { units, inferredPart } = assignStructure(blocks, continuesFrom);
  const { paragraphs, remarks, lineToParagraph } = buildParagraphs(splitRunTogetherHeadings(units, log), options.typos, log);
  const text = paragraphs.map((p) => p.text).join('\n');
  return {
    id: options.id ?? 'report',
    title: header.title || '未命名报告',
    front: header.front,
    continuesFrom,
    continuesOn,
    fingerprint: fingerprintText(text),
    text,
    paragraphs,
    outline: buildOutline(paragraphs, inferredPart, continuesFrom),
    repairs: log.resolve(lineToParagraph, paragraphs[0]?.id ?? '', paragraphs[paragraphs.length - 1]?.id ?? ''),
    remarks,
  };
}
