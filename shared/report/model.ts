/**
 * The segmented report: plain JSON, shared by main process, renderer, CLIs and tests.
 *
 * Offsets are UTF-16 code units. Every paragraph has its own canonical `text`; sentence,
 * lead, heading, subscript and remark offsets index into that paragraph's `text`.
 * `Report.text` is all paragraph texts joined by "\n" and `Paragraph.start` is the paragraph's
 * offset in it, so a whole-document offset is `paragraph.start + localOffset`.
 */

/** Kind of a block in reading order. */
export type ParagraphKind =
  /** `一、…` heading line of a part. */
  | 'part'
  /** Standalone `(一)…` heading line of an item. */
  | 'item'
  /** Body text (may start with an inline item heading or a lead). */
  | 'body'
  /**
   * An unnumbered heading: above the numbered parts (内蒙古: `“十五五”时期主要目标和2026年重点工作`),
   * or an appendix's `附件` line and title.
   */
  | 'section';

export interface Sentence {
  /** Stable id: `${paragraphId}.s${n}` (n from 1). */
  id: string;
  start: number;
  end: number;
}

export interface Paragraph {
  /**
   * Stable id derived from the structural position, e.g. `h2` (part 二 heading),
   * `h3-1` (item (一) of part 三), `p3-1-2` (2nd body paragraph of 三(一)), `p0-0-1`
   * (text before any part heading). Same text segmented twice gives the same ids.
   */
  id: string;
  kind: ParagraphKind;
  /** Citation label: `三`, `三(二)`, `三(二)¶2`, `二(一)¶1`, `一¶3`. */
  label: string;
  /** Canonical text (source characters; markup residue such as `PM_{2.5}` resolved to `PM2.5`). */
  text: string;
  /** Offset of `text` in `Report.text`. */
  start: number;
  /**
   * 1-based part number (0 = before the first part heading), 0 if none. Appendices are numbered on
   * after the report's last part (附件 of a report with parts 一–四 is part 5), so they group apart.
   */
  part: number;
  /** 1-based item number within the part, 0 if none. */
  item: number;
  /** 1-based appendix (附件N, 名词解释) the paragraph belongs to; absent in the report proper. */
  appendix?: number;
  /**
   * Length of an inline item heading at the start of a body paragraph
   * (`(一)在推动转型发展上实现更大突破。`), else 0.
   */
  headingEnd: number;
  /** Lead (小标题) range `[start, end)` shown in bold, or null. Starts at `headingEnd`. */
  lead: { start: number; end: number } | null;
  /**
   * Every lead of the paragraph when it has more than one (run-in `一是…二是…`, or terse leads
   * later in a paragraph that opens with one); `lead` is the first. Absent when there is at most one.
   */
  leads?: { start: number; end: number }[];
  /** Bullet/sub-item marker at the start (`——`, `1.`, `1、`), or null. */
  marker: string | null;
  /** Ranges to render as subscript (the `2.5` of `PM2.5`). */
  subscripts: { start: number; end: number }[];
  sentences: Sentence[];
}

export interface OutlineEntry {
  /** 0 = unnumbered heading above the parts (and appendices beside them), 1 = part, 2 = item, 3 = lead. */
  level: 0 | 1 | 2 | 3;
  title: string;
  paragraphId: string;
  /** Citation label of the target paragraph. */
  label: string;
}

export interface Repair {
  /** `page-break-join` | `continuation-marker` | `run-together-heading` | `markup-subscript` | `chrome-removed` | … */
  kind: string;
  paragraphId: string;
  /** Human-readable detail (Chinese), e.g. the two halves that were joined. */
  detail: string;
  /**
   * Exact source text the repair replaced (chrome line, continuation marker, title line,
   * `PM_{2.5}`), so "no body text lost" can be checked; absent when only whitespace changed
   * (page-break joins, heading splits).
   */
  original?: string;
  /** What `original` became in the canonical text (`''` when removed, `PM2.5`). */
  replacement?: string;
}

export interface Remark {
  paragraphId: string;
  start: number;
  end: number;
  /** Chinese note shown to the reader, e.g. `疑为“焦炉煤气”`. */
  note: string;
}

/** A line of the report's header block (before the first body paragraph). */
export interface FrontLine {
  /** `title` | `dateline` (——2026年1月25日在…会议上) | `speaker` (省长 XXX) | `address` (各位代表：) | `other`. */
  kind: 'title' | 'dateline' | 'speaker' | 'address' | 'other';
  text: string;
}

export interface Report {
  /** Report id, e.g. `changzhi-2026` (from metadata or the file name). */
  id: string;
  title: string;
  /** Page the fragment continues from (`第一版`), or null when it starts at the beginning. */
  continuesFrom: string | null;
  /** Page the fragment continues on (`第四版`), or null. */
  continuesOn: string | null;
  /**
   * Header block: title, dateline, speaker, 各位代表： — shown above the body, never numbered
   * (citation labels count from the first body paragraph). Absent in reports made before it existed.
   */
  front?: FrontLine[];
  /** File format the report was read from (`txt`, `docx`, `pdf`, `html`); absent for bundled text. */
  format?: 'txt' | 'docx' | 'pdf' | 'html';
  /** Content fingerprint of `text` (hex), for anchors. */
  fingerprint: string;
  /** All paragraph texts joined by "\n". */
  text: string;
  paragraphs: Paragraph[];
  outline: OutlineEntry[];
  repairs: Repair[];
  remarks: Remark[];
}

/** Metadata shipped beside a bundled report's source.txt (`meta.json`). */
export interface ReportMeta {
  id: string;
  title: string;
  year: number;
  city: string;
  source: string;
}
