/**
 * Annotation records as stored in Dexie and carried in files. Anchors point into the canonical
 * text of the segmented report (see shared/report/model.ts); never Lexical NodeKeys.
 */

export type ColorKey = 'yellow' | 'green' | 'blue' | 'red' | 'purple';

export type UnderlineStyle = 'solid' | 'double' | 'dashed' | 'wavy' | 'dotted';

export interface LegendEntry {
  color: ColorKey;
  /** Chinese colour name, e.g. 黄. */
  name: string;
  /** Meaning, editable by the user, e.g. 重点. */
  meaning: string;
  /** Underline style that survives grayscale printing. */
  underline: UnderlineStyle;
  /** CSS colour of the highlight background. */
  css: string;
}

export const DEFAULT_LEGEND: readonly LegendEntry[] = [
  { color: 'yellow', name: '黄', meaning: '重点', underline: 'solid', css: '#ffe58a' },
  { color: 'green', name: '绿', meaning: '数据指标', underline: 'double', css: '#b7e4b0' },
  { color: 'blue', name: '蓝', meaning: '新提法', underline: 'dashed', css: '#b3d4f5' },
  { color: 'red', name: '红', meaning: '疑问', underline: 'wavy', css: '#f5b8b3' },
  { color: 'purple', name: '紫', meaning: '拟提建议', underline: 'dotted', css: '#d9c2f0' },
];

/**
 * Where an annotation sits. Offsets are UTF-16 code units into the paragraphs' canonical text;
 * a selection across paragraphs has `endSegmentId !== segmentId`.
 */
export interface Anchor {
  /** Paragraph id where the range starts. */
  segmentId: string;
  start: number;
  /** Paragraph id where the range ends (same as segmentId for one paragraph). */
  endSegmentId: string;
  end: number;
  /** Exact text of the range; paragraphs joined by "\n". */
  quote: string;
  /** Up to 32 characters of report text before the quote. */
  prefix: string;
  /** Up to 32 characters of report text after the quote. */
  suffix: string;
  /** `Report.fingerprint` of the text the anchor was made on. */
  fingerprint: string;
}

export interface AnnotationNote {
  /** Serialized Lexical editor state (JSON string), or null when there is no note. */
  json: string | null;
  /** Plain text of the note (for search, export, list). */
  text: string;
}

export interface Annotation {
  /** Random id (crypto.randomUUID). */
  id: string;
  reportId: string;
  /** `range`: a highlight with marks; `paragraph`: a note on a whole paragraph, no marks. */
  target: 'range' | 'paragraph';
  anchor: Anchor;
  color: ColorKey;
  tags: string[];
  note: AnnotationNote;
  author: string;
  /** ms since epoch. */
  createdAt: number;
  updatedAt: number;
  /** Tombstone: deleted annotations are kept so deletes can travel to other members. */
  deleted: boolean;
}
