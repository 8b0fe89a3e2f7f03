/**
 * 关注 / 存疑 / 拟提问 on a row of the targets table: an ordinary annotation on the figure's
 * characters, tagged with the flag and carrying the note, so it shows in the annotation list, the
 * exchange file and the print like any other.
 */
import { createAnchor } from '../../shared/anchoring';
import { newAnnotation, nextUpdatedAt, type Annotation, type ColorKey } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { TargetRow } from '../../shared/targets';
import type { AnnotationStore } from '../annotations/annotation-store';

export const FLAGS = ['关注', '存疑', '拟提问'] as const;
export type Flag = (typeof FLAGS)[number];

/** Colours by their default meaning: 数据指标 for a figure to watch, 疑问 for doubts and questions. */
export const FLAG_COLOR: Record<Flag, ColorKey> = { 关注: 'green', 存疑: 'red', 拟提问: 'red' };

/** A Lexical editor state holding `text` as plain paragraphs (the note editor's format). */
export function plainNoteJson(text: string): string {
  const paragraph = (line: string) => ({
    children: line ? [{ detail: 0, format: 0, mode: 'normal', style: '', text: line, type: 'text', version: 1 }] : [],
    direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '',
  });
  return JSON.stringify({ root: { children: text.split('\n').map(paragraph), direction: null, format: '', indent: 0, type: 'root', version: 1 } });
}

/** The flag annotation on exactly this row's figure, if any (the latest flag wins). */
export function flagOf(row: TargetRow, list: readonly Annotation[]): { annotation: Annotation; flag: Flag } | null {
  let best: { annotation: Annotation; flag: Flag } | null = null;
  for (const a of list) {
    if (a.deleted || a.anchor.segmentId !== row.paragraphId || a.anchor.start !== row.valueStart || a.anchor.end !== row.valueEnd) continue;
    const flag = FLAGS.find((f) => a.tags.includes(f));
    if (flag && (!best || a.updatedAt > best.annotation.updatedAt)) best = { annotation: a, flag };
  }
  return best;
}

/**
 * Flags the row's figure: updates the row's flag annotation when there is one, else creates it.
 * Returns the annotation, or null when the report has no such characters any more.
 */
export async function flagRow(
  store: AnnotationStore, report: Report, row: TargetRow, flag: Flag, note: string, author: string,
): Promise<Annotation | null> {
  const existing = flagOf(row, store.getState().list);
  const noteValue = { json: note ? plainNoteJson(note) : null, text: note };
  if (existing) {
    const tags = [...existing.annotation.tags.filter((t) => !(FLAGS as readonly string[]).includes(t)), flag];
    const before = existing.annotation;
    // Whole-record replace, like the creation below: undoing this then the creation restores each
    // exact version, so the second undo still finds the row it created.
    const after: Annotation = { ...before, tags, note: noteValue, color: FLAG_COLOR[flag], updatedAt: nextUpdatedAt(before.updatedAt, Date.now()) };
    const changes = await store.importChanges([{ before, after }], `标记为${flag}`);
    return changes[0]?.after ?? null;
  }
  const anchor = createAnchor(report, { startSegmentId: row.paragraphId, startOffset: row.valueStart, endSegmentId: row.paragraphId, endOffset: row.valueEnd });
  if (!anchor) return null;
  // One write and one undo step for highlight, flag and note together.
  const record = newAnnotation({ reportId: report.id, anchor, color: FLAG_COLOR[flag], author, tags: [flag], note: noteValue });
  const changes = await store.importChanges([{ before: null, after: record }], `标记为${flag}`);
  return changes[0]?.after ?? null;
}
