/**
 * 关注 / 存疑 / 拟提问 on a row of the targets table: an ordinary annotation on the figure's
 * characters, tagged with the flag and carrying the note, so it shows in the annotation list, the
 * exchange file and the print like any other.
 */
import { createAnchor } from '../../shared/anchoring';
import type { Annotation, ColorKey } from '../../shared/annotations';
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
    await store.update(existing.annotation.id, { tags, note: noteValue, color: FLAG_COLOR[flag] }, { label: `标记为${flag}` });
    return store.getState().byId.get(existing.annotation.id) ?? null;
  }
  const anchor = createAnchor(report, { startSegmentId: row.paragraphId, startOffset: row.valueStart, endSegmentId: row.paragraphId, endOffset: row.valueEnd });
  if (!anchor) return null;
  const created = await store.create(anchor, FLAG_COLOR[flag], { author });
  if (!created) return null;
  await store.update(created.id, { tags: [flag], note: noteValue }, { label: `标记为${flag}` });
  return store.getState().byId.get(created.id) ?? created;
}
