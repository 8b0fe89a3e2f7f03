/**
 * Validation of annotation records where they cross a boundary: files being imported, IPC,
 * and every write to the store. The TypeScript types in model.ts stay the contract; these
 * schemas are checked against them at compile time (see the `satisfies`-style assertions below).
 */
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { issuesText, type Result } from '../result';
import type { Anchor, Annotation, AnnotationNote, ColorKey, LegendEntry } from './model';
import { MAX_NOTE_JSON, validateNoteJson } from './note-json';

/** Longest note accepted (plain text, UTF-16 code units); a 100,000-character note must fit. */
export const MAX_NOTE_TEXT = 1_000_000;
export { MAX_NOTE_JSON };

/**
 * Latest timestamp a record may carry: the last millisecond a JS Date can represent
 * (year 275760). Below 2^53 with room to spare, so `nextUpdatedAt` can always step forward or
 * stay put without leaving the safe-integer range, and every stored time formats as a date.
 */
export const MAX_TIMESTAMP = 8_640_000_000_000_000;
/** Longest tag after normalisation. */
export const MAX_TAG_LENGTH = 32;
export const MAX_TAGS = 50;

export const COLOR_KEYS = ['yellow', 'green', 'blue', 'red', 'purple'] as const satisfies readonly ColorKey[];

export const colorKeySchema = z.enum(COLOR_KEYS);

const offset = z.int().nonnegative();
const id = z.string().min(1).max(200);

export const anchorSchema = z
  .object({
    segmentId: id,
    start: offset,
    endSegmentId: id,
    end: offset,
    quote: z.string().min(1),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
    fingerprint: z.string().max(200),
  })
  .refine((a) => a.segmentId !== a.endSegmentId || a.end > a.start, {
    message: '锚点范围为空或颠倒（end 应大于 start）',
    path: ['end'],
  });

export const annotationNoteSchema = z
  .object({
    json: z.string().max(MAX_NOTE_JSON).nullable(),
    text: z.string().max(MAX_NOTE_TEXT),
  })
  .superRefine((n, ctx) => {
    if (n.json === null) return;
    const r = validateNoteJson(n.json);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error, path: ['json'] });
  });

// One message for every kind of non-integer (null, "2026-01-01", 1.5, 1e400 parsed as Infinity):
// zod's own reads "期望 数字，实际接收 数字" for Infinity, which tells a user nothing.
const timestamp = z
  .int({ error: '时间应为以毫秒计的整数时间戳' })
  .nonnegative({ error: '时间不能早于 1970 年' })
  .max(MAX_TIMESTAMP, { error: '时间戳超出范围（不是有效的日期）' });

export const annotationSchema = z.object({
  id,
  reportId: id,
  target: z.enum(['range', 'paragraph']),
  anchor: anchorSchema,
  color: colorKeySchema,
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS),
  note: annotationNoteSchema,
  author: z.string().max(100),
  createdAt: timestamp,
  updatedAt: timestamp,
  deleted: z.boolean(),
});

export const legendEntrySchema = z.object({
  color: colorKeySchema,
  name: z.string().min(1).max(8),
  meaning: z.string().min(1).max(20),
  underline: z.enum(['solid', 'double', 'dashed', 'wavy', 'dotted']),
  css: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

/** One entry per colour, each colour once. */
export const legendSchema = z
  .array(legendEntrySchema)
  .length(COLOR_KEYS.length)
  .refine((l) => new Set(l.map((e) => e.color)).size === COLOR_KEYS.length, { message: '图例中每种颜色只能出现一次' });

// Compile-time checks that the schemas and the model types agree in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(_: T) => _;
agree<Same<z.infer<typeof anchorSchema>, Anchor>>(true);
agree<Same<z.infer<typeof annotationNoteSchema>, AnnotationNote>>(true);
agree<Same<z.infer<typeof annotationSchema>, Annotation>>(true);
agree<Same<z.infer<typeof legendEntrySchema>, LegendEntry>>(true);

/**
 * updatedAt for an edit of a record last stamped `previous`, at wall-clock `now` (ms): later
 * than `previous` so newest-wins merges prefer the edit, never past MAX_TIMESTAMP so the edited
 * record still passes the schema. (Edits used to write `previous + 1`, which made a record stamped
 * 2^53−1 impossible to recolour or delete.) A `now` that is not a safe integer is ignored.
 */
export function nextUpdatedAt(previous: number, now: number): number {
  const clock = Number.isSafeInteger(now) ? now : 0;
  const base = Number.isSafeInteger(previous) ? Math.min(previous, MAX_TIMESTAMP) : 0;
  return Math.min(MAX_TIMESTAMP, Math.max(clock, base + 1));
}

const zh = zhCN().localeError;

/** Chinese one-line description of what is wrong, naming the field path of each problem. */
export function describeIssues(error: z.ZodError): string {
  return issuesText(error);
}

/**
 * Validates an unknown value (import, IPC) as an Annotation. Unknown keys are dropped.
 * Returns `{ok:false, error}` with a Chinese description of the problems.
 */
export function parseAnnotation(value: unknown): Result<Annotation> {
  const r = annotationSchema.safeParse(value, { error: zh });
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `批注记录无效：${describeIssues(r.error)}` };
}

/**
 * Same as parseAnnotation but for data the app itself produced: an invalid record there is a
 * bug, so this throws (message names the record id and the problems).
 */
export function assertAnnotation(value: unknown): Annotation {
  const r = annotationSchema.safeParse(value, { error: zh });
  if (r.success) return r.data;
  const id = typeof value === 'object' && value !== null ? String((value as { id?: unknown }).id) : '?';
  throw new Error(`Annotation ${id} violates the annotation schema: ${describeIssues(r.error)}`);
}
