/**
 * The study-group exchange file: one report's annotations (tombstones included, so deletes
 * travel too) as UTF-8 JSON, passed around on USB sticks and in chat apps.
 *
 * ```json
 * { "format": "yandu-annotations", "version": 1, "exportedAt": 1767225600000, "exportedBy": "张三",
 *   "report": { "id": "changzhi-2026", "title": "…", "fingerprint": "…" },
 *   "annotations": [ …Annotation records… ] }
 * ```
 *
 * Writing is deterministic (fixed key order, records sorted by createdAt then id), so the same
 * data always gives the same bytes and members can tell identical files apart by checksum.
 * Reading trusts nothing: whatever a file holds, either every record is valid for the store
 * or the whole file is refused with a Chinese message saying what is wrong and where.
 */
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { Annotation } from '../annotations/model';
import { annotationSchema, assertAnnotation, describeIssues, MAX_TIMESTAMP } from '../annotations/schema';
import { normaliseTags } from '../annotations/tags';
import type { Result } from '../ipc/contract';
import type { Report } from '../report/model';
import { canonicalAnnotation, compareByCreation } from './canonical';
import { EXCHANGE_MESSAGES as M } from './messages';

export const EXCHANGE_FORMAT = 'yandu-annotations';
/** Bump when old readers could misread new files; readers refuse versions above theirs. */
export const EXCHANGE_VERSION = 1;
/** Records per file; far beyond a study group's work on one report (5,000 is already a lot). */
export const MAX_EXCHANGE_RECORDS = 100_000;
/**
 * Largest file accepted, in bytes. parseExchange checks the text's UTF-16 length against it:
 * a UTF-8 file is at least as many bytes as its text has code units, so a longer text is
 * certainly a larger file. Hosts should also check the byte size before decoding.
 */
export const MAX_EXCHANGE_BYTES = 200 * 1024 * 1024;

/**
 * How far past the reader's clock a file's times may lie (ms). Members' clocks differ by minutes,
 * time zones are already in the UTC milliseconds; a day more means a damaged file or a clock set
 * wrong, and a record stamped far ahead would win every newest-wins merge (and break edits, which
 * must stamp later still). Such a file is refused rather than clamped: clamping would silently
 * change which member's edit wins, and the message tells the member what to fix.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Options of parseExchange. */
export interface ParseExchangeOptions {
  /** The reader's clock (ms since epoch) for the far-future check; default Date.now(). */
  now?: number;
}

/** Which report the annotations belong to (a `Report` can be passed as is). */
export type ExchangeReport = Pick<Report, 'id' | 'title' | 'fingerprint'>;

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  /** ms since epoch. */
  exportedAt: number;
  /** Author name of the member who exported; may be ''. */
  exportedBy: string;
  report: ExchangeReport;
  /** Every record has `reportId === report.id`; ids are unique; tombstones included. */
  annotations: Annotation[];
}

export interface ExchangeInput {
  /** ms since epoch. */
  exportedAt: number;
  exportedBy: string;
  /** Only id, title and fingerprint are written. */
  report: ExchangeReport;
  /** All of the report's records, tombstones included, in any order. */
  annotations: readonly Annotation[];
}

const headerSchema = z.object({
  exportedAt: z.int().nonnegative().max(MAX_TIMESTAMP),
  exportedBy: z.string().max(100),
  report: z.object({
    id: z.string().min(1).max(200),
    title: z.string().max(1000),
    fingerprint: z.string().max(200),
  }),
});

const zh = zhCN().localeError;

/**
 * The exchange file as text: pretty-printed JSON with a final newline, records in canonical
 * key order sorted by createdAt then id, tags normalised, unknown keys dropped.
 *
 * Throws (the data comes from the app's own store, so these are bugs) when the header or a
 * record is invalid, a record belongs to another report, an id repeats, or there are more
 * than MAX_EXCHANGE_RECORDS records — a file parseExchange would refuse is never written.
 */
export function serializeExchange(input: ExchangeInput): string {
  const header = headerSchema.safeParse({ exportedAt: input.exportedAt, exportedBy: input.exportedBy, report: input.report }, { error: zh });
  if (!header.success) throw new Error(`serializeExchange: the export header is invalid: ${describeIssues(header.error)}`);
  const report = header.data.report;
  if (input.annotations.length > MAX_EXCHANGE_RECORDS) {
    throw new Error(`serializeExchange: ${input.annotations.length} records exceed MAX_EXCHANGE_RECORDS; readers would refuse the file`);
  }
  const seen = new Set<string>();
  const records = input.annotations.map((a) => {
    if (a.reportId !== report.id) throw new Error(`serializeExchange: annotation ${a.id} belongs to report ${a.reportId}, not ${report.id}`);
    if (seen.has(a.id)) throw new Error(`serializeExchange: annotation id ${a.id} occurs twice`);
    seen.add(a.id);
    return canonicalAnnotation(assertAnnotation({ ...a, tags: normaliseTags(a.tags) }));
  });
  records.sort(compareByCreation);
  const file: ExchangeFile = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: header.data.exportedAt,
    exportedBy: header.data.exportedBy,
    report: { id: report.id, title: report.title, fingerprint: report.fingerprint },
    annotations: records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an exchange file's text (already decoded from UTF-8; a leading BOM is ignored).
 *
 * `{ok:false, error}` with a Chinese message when the text is too large, empty, not JSON, not
 * an exchange file, from a newer format version, or when any record is invalid, repeats an
 * id or belongs to another report than the file's (the message names the first such record by
 * number and quote, and how many more have problems). Nothing partial is ever returned.
 * Times (exportedAt, each createdAt/updatedAt) more than MAX_CLOCK_SKEW_MS after `options.now`
 * are refused too, naming the record and the date.
 * On success records keep the file's order, unknown keys are dropped and tags normalised.
 */
export function parseExchange(text: string, options: ParseExchangeOptions = {}): Result<ExchangeFile> {
  const latest = (options.now ?? Date.now()) + MAX_CLOCK_SKEW_MS;
  // Before anything that walks the text: a huge paste or a wrong file must not hang the app.
  if (text.length > MAX_EXCHANGE_BYTES) return fail(M.tooLarge(MAX_EXCHANGE_BYTES / 1024 / 1024));
  // Windows Notepad and some chat apps add a BOM, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail(M.empty);

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return fail(M.notJson);
  }
  if (!isRecord(data) || data.format === undefined) return fail(M.notExchange);
  if (data.format !== EXCHANGE_FORMAT) return fail(M.otherFormat(shortText(typeof data.format === 'string' ? data.format : JSON.stringify(data.format), 40)));

  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(M.badVersion);
  if (version > EXCHANGE_VERSION) return fail(M.newerVersion(version));

  const header = headerSchema.safeParse(data, { error: zh });
  if (!header.success) return fail(M.badHeader(describeIssues(header.error)));
  if (header.data.exportedAt > latest) return fail(M.futureExport(formatBeijingTime(header.data.exportedAt)));
  const reportId = header.data.report.id;

  const raw = data.annotations;
  if (!Array.isArray(raw)) return fail(M.notArray);
  if (raw.length > MAX_EXCHANGE_RECORDS) return fail(M.tooMany(raw.length, MAX_EXCHANGE_RECORDS));

  const annotations: Annotation[] = [];
  const firstIndex = new Map<string, number>();
  let firstProblem: string | null = null;
  let problems = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = checkRecord(raw[i], i + 1, reportId, firstIndex, latest);
    if (r.ok) {
      annotations.push(r.value);
    } else {
      // Keep going so the message can say how many records are affected.
      problems++;
      firstProblem ??= r.error;
    }
  }
  if (firstProblem !== null) return fail(problems > 1 ? firstProblem + M.moreProblems(problems - 1) : firstProblem);

  return {
    ok: true,
    value: {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      exportedAt: header.data.exportedAt,
      exportedBy: header.data.exportedBy,
      report: { id: reportId, title: header.data.report.title, fingerprint: header.data.report.fingerprint },
      annotations,
    },
  };
}

/** Record `n` (1-based) validated, of the file's report, its id not seen before (then remembered). */
function checkRecord(value: unknown, n: number, reportId: string, firstIndex: Map<string, number>, latest: number): Result<Annotation> {
  const r = annotationSchema.safeParse(withNormalisedTags(value), { error: zh });
  if (!r.success) return fail(M.badRecord(n, quoteOf(value), describeIssues(r.error)));
  const a = r.data;
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (a[field] > latest) return fail(M.futureTime(n, quoteOf(value), field, formatBeijingTime(a[field])));
  }
  if (a.reportId !== reportId) return fail(M.otherReport(n, quoteOf(value), a.reportId, reportId));
  const first = firstIndex.get(a.id);
  if (first !== undefined) return fail(M.duplicateId(n, first, a.id));
  firstIndex.set(a.id, n);
  return { ok: true, value: canonicalAnnotation(a) };
}

/**
 * `2027-01-02 08:00` in Beijing time (UTC+8, no daylight saving), whatever the machine's zone:
 * the message must read the same to every member of the group.
 */
export function formatBeijingTime(ms: number): string {
  const d = new Date(ms + 8 * 60 * 60 * 1000);
  if (Number.isNaN(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function fail(error: string): Result<never> {
  return { ok: false, error };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Tags are normalised before validation, as the store does on every write: `#重点` or an
 * over-long tag typed in another tool is tidied, not a reason to refuse the whole file.
 */
function withNormalisedTags(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value.tags) || !value.tags.every((t) => typeof t === 'string')) return value;
  return { ...value, tags: normaliseTags(value.tags as string[]) };
}

/** A short, one-line excerpt of a raw record's quote for error messages, or null. */
function quoteOf(value: unknown): string | null {
  const quote = isRecord(value) && isRecord(value.anchor) ? value.anchor.quote : undefined;
  if (typeof quote !== 'string') return null;
  const line = quote.replace(/\s+/gu, ' ').trim();
  return line === '' ? null : shortText(line, 20);
}

function shortText(s: string, maxCodePoints: number): string {
  const cps = Array.from(s.slice(0, maxCodePoints * 2 + 2));
  return cps.length > maxCodePoints ? `${cps.slice(0, maxCodePoints).join('')}…` : cps.join('');
}
