/**
 * A shelf report as stored (Electron: a JSON file under the user-data folder; browser: IndexedDB):
 * the segmented Report, so reopening does not read a PDF again. A file edited or damaged on disk is
 * checked here before the reader trusts its offsets.
 */
import { z } from 'zod';
import type { Report } from '../report/model';
import type { Result } from '../result';

/** A stored report larger than this is refused (the loader's own limit is far below). */
export const MAX_STORED_REPORT_CHARS = 64 * 1024 * 1024;

const range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const paragraph = z.object({
  id: z.string().min(1).max(80),
  kind: z.enum(['part', 'item', 'body', 'section']),
  label: z.string().max(80),
  text: z.string(),
  start: z.number().int().nonnegative(),
  part: z.number().int().nonnegative(),
  item: z.number().int().nonnegative(),
  appendix: z.number().int().positive().optional(),
  headingEnd: z.number().int().nonnegative(),
  lead: range.nullable(),
  leads: z.array(range).optional(),
  marker: z.string().nullable(),
  subscripts: z.array(range),
  sentences: z.array(z.object({ id: z.string().min(1).max(100), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
});

const reportSchema = z.object({
  id: z.string().min(1).max(80),
  title: z.string().min(1),
  continuesFrom: z.string().nullable(),
  continuesOn: z.string().nullable(),
  front: z.array(z.object({ kind: z.enum(['title', 'dateline', 'speaker', 'address', 'other']), text: z.string() })).optional(),
  format: z.enum(['txt', 'docx', 'pdf', 'html']).optional(),
  fingerprint: z.string().max(128),
  text: z.string(),
  paragraphs: z.array(paragraph),
  outline: z.array(z.object({ level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), title: z.string(), paragraphId: z.string(), label: z.string() })),
  repairs: z.array(z.object({ kind: z.string(), paragraphId: z.string(), detail: z.string(), original: z.string().optional(), replacement: z.string().optional() })),
  remarks: z.array(z.object({ paragraphId: z.string(), start: z.number().int(), end: z.number().int(), note: z.string() })),
});

/** The text stored for a report. */
export function storeReport(report: Report): string {
  return JSON.stringify(report);
}

/**
 * The report stored under `id`, checked: shape, id, and every offset inside its paragraph (a
 * sentence past the end would put a highlight on the wrong words). A Chinese message otherwise.
 */
export function parseStoredReport(text: string, id: string): Result<Report> {
  const bad = (why: string): Result<Report> => ({ ok: false, error: `书架中的报告文件已损坏（${why}），请从原文件重新打开。` });
  if (text.length > MAX_STORED_REPORT_CHARS) return bad('文件过大');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return bad('不是有效的 JSON');
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) return bad(parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}：${i.message}`).join('；'));
  const report = parsed.data as Report;
  if (report.id !== id) return bad(`编号应为 ${id}`);
  for (const p of report.paragraphs) {
    const n = p.text.length;
    const inside = (r: { start: number; end: number }) => r.start <= r.end && r.end <= n;
    if (report.text.slice(p.start, p.start + n) !== p.text) return bad(`段落 ${p.id} 与全文不符`);
    if (!p.sentences.every(inside) || !p.subscripts.every(inside) || (p.lead && !inside(p.lead)) || p.headingEnd > n) return bad(`段落 ${p.id} 的位置越界`);
  }
  return { ok: true, value: report };
}
