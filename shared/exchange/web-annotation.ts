/**
 * W3C Web Annotation (JSON-LD) export and import, the model Hypothesis and most annotation tools
 * speak (https://www.w3.org/TR/annotation-model/).
 *
 * Export: one `AnnotationCollection` with its single page embedded. Each live annotation (deleted
 * ones stay in 研读's own exchange files) becomes an `Annotation` with
 * - `target.source` = `urn:yandu:report:<report id>`, and selectors `TextQuoteSelector`
 *   (exact + 32 characters of prefix/suffix) and `TextPositionSelector` (UTF-16 offsets into the
 *   report's canonical text, paragraphs joined by "\n"; omitted when the stored position no longer
 *   holds the quote, e.g. an orphan);
 * - bodies: the note as `TextualBody` (`purpose: commenting`, plain text), each tag as
 *   `purpose: tagging`, the colour as `purpose: classifying` with the colour key (`yellow` …);
 * - `creator` {type Person, name}, `created` / `modified` as ISO 8601;
 * - 研读's own extras under the `yandu:` prefix (ignored by other tools): the paragraph anchor,
 *   `range`/`paragraph`, and the rich-text note, so 研读 → JSON-LD → 研读 loses nothing.
 *
 * Import trusts nothing, like parseExchange: the whole file is refused (too large, not JSON, no
 * annotations) or each annotation is taken or set aside with its number and the reason. A foreign
 * annotation is placed by its position when the text there is its exact quote, otherwise by the
 * quote and its context with the same re-anchoring as a corrected edition (never on the wrong
 * text: an ambiguous or missing quote is set aside, not guessed).
 */
import { resolveAnchor } from '../anchoring/resolve-anchor';
import { createAnchor } from '../anchoring/create-anchor';
import { toLocalRange } from '../anchoring/report-index';
import type { Anchor, Annotation, ColorKey } from '../annotations/model';
import { validateNoteJson } from '../annotations/note-json';
import { COLOR_KEYS, MAX_TIMESTAMP, parseAnnotation } from '../annotations/schema';
import { normaliseTags } from '../annotations/tags';
import type { Result } from '../ipc/contract';
import { fingerprintText } from '../report/fingerprint';
import type { Report } from '../report/model';
import { MAX_CLOCK_SKEW_MS, MAX_EXCHANGE_BYTES, MAX_EXCHANGE_RECORDS, formatBeijingTime } from './format';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Namespace of 研读's extension properties (`yandu:anchor` …). */
export const YANDU_NAMESPACE = 'urn:yandu:ns:';
/** Media type to save the file under (`.jsonld`). */
export const WEB_ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** What the export needs of a report: identity, the canonical text and paragraph offsets. */
export type WebAnnotationReport = Pick<Report, 'id' | 'title' | 'fingerprint' | 'text' | 'paragraphs'>;

export interface WebAnnotationExportInput {
  report: WebAnnotationReport;
  /** The report's annotations, any order; deleted ones are left out. */
  annotations: readonly Annotation[];
  /** ms since epoch. */
  exportedAt: number;
  /** Name of the member exporting; may be ''. */
  exportedBy: string;
}

/** `urn:yandu:report:<id>`: the target source of every exported annotation. */
export function reportSourceIri(reportId: string): string {
  return `urn:yandu:report:${encodeURIComponent(reportId)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The annotation's IRI: `urn:uuid:…` for the app's random ids, else `urn:yandu:annotation:…`. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:yandu:annotation:${encodeURIComponent(id)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Whole-document offsets of `a`'s stored position, or null when that position no longer holds its quote. */
function documentRange(report: WebAnnotationReport, a: Anchor): { start: number; end: number } | null {
  const first = report.paragraphs.find((p) => p.id === a.segmentId);
  const last = a.endSegmentId === a.segmentId ? first : report.paragraphs.find((p) => p.id === a.endSegmentId);
  if (!first || !last) return null;
  const start = first.start + a.start;
  const end = last.start + a.end;
  return end > start && report.text.slice(start, end) === a.quote ? { start, end } : null;
}

/**
 * The report's live annotations as a W3C Web Annotation collection: pretty-printed JSON-LD with a
 * final newline, annotations in creation order (then id), deterministic for the same data.
 */
export function serializeWebAnnotations(input: WebAnnotationExportInput): string {
  const { report } = input;
  const live = input.annotations.filter((a) => !a.deleted && a.reportId === report.id);
  live.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = live.map((a) => {
    const body: Record<string, unknown>[] = [];
    if (a.note.text.trim() !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note.text, format: 'text/plain', language: 'zh-CN' });
    for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
    body.push({ type: 'TextualBody', purpose: 'classifying', value: a.color });
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: a.anchor.quote, prefix: a.anchor.prefix, suffix: a.anchor.suffix }];
    const range = a.anchor.fingerprint === report.fingerprint ? documentRange(report, a.anchor) : null;
    if (range) selector.push({ type: 'TextPositionSelector', start: range.start, end: range.end });
    const item: Record<string, unknown> = {
      id: annotationIri(a.id),
      type: 'Annotation',
      motivation: a.note.text.trim() !== '' ? 'commenting' : 'highlighting',
      created: iso(a.createdAt),
      modified: iso(a.updatedAt),
    };
    if (a.author !== '') item.creator = { type: 'Person', name: a.author };
    item.body = body;
    item.target = { source: reportSourceIri(report.id), selector };
    item['yandu:target'] = a.target;
    item['yandu:anchor'] = { segmentId: a.anchor.segmentId, start: a.anchor.start, endSegmentId: a.anchor.endSegmentId, end: a.anchor.end, fingerprint: a.anchor.fingerprint };
    if (a.note.json !== null) item['yandu:note'] = a.note.json;
    return item;
  });
  const collection: Record<string, unknown> = {
    '@context': [WEB_ANNOTATION_CONTEXT, { yandu: YANDU_NAMESPACE }],
    id: `${reportSourceIri(report.id)}:annotations`,
    type: 'AnnotationCollection',
    label: `${report.title} · 批注`,
    generated: iso(input.exportedAt),
    generator: { type: 'Software', name: '研读 (Yandu)' },
  };
  if (input.exportedBy !== '') collection.creator = { type: 'Person', name: input.exportedBy };
  collection.total = items.length;
  collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

export const WEB_ANNOTATION_MESSAGES = {
  empty: '不是有效的标注文件（文件是空的）',
  tooLarge: (limitMb: number) => `文件过大，超过 ${limitMb} MB 的上限`,
  notJson: '不是有效的标注文件（JSON 格式错误）',
  notWebAnnotation: '不是 W3C Web Annotation 标注文件（找不到 Annotation、AnnotationPage 或 AnnotationCollection）',
  pagedCollection: '这个标注集合分成多页、只给出了链接，请导出为单个文件后再导入',
  tooMany: (count: number, limit: number) => `文件中的标注过多（${count} 条，上限 ${limit} 条）`,
  noneUsable: (total: number, first: string) => `文件中的 ${total} 条标注都无法导入。${first}`,
  /** Per annotation; `n` is 1-based. */
  notAnnotation: '不是 Annotation 对象',
  noQuote: '没有 TextQuoteSelector（原文引文），无法确定批注的位置',
  otherReport: (source: string) => `属于另一份报告（${source}）`,
  notFound: '原文在本报告中找不到，或出现多处而无法确定是哪一处',
  badTime: (field: string) => `${field} 不是有效的日期时间`,
  futureTime: (field: string, when: string) => `${field}（${when}）晚于本机时间一天以上：文件可能已损坏，或导出者电脑的时钟有误`,
  duplicateId: (first: number) => `与第 ${first} 条的 id 相同`,
  invalid: (details: string) => details,
  skipped: (n: number, reason: string) => `第 ${n} 条标注未导入：${reason}`,
} as const;
const M = WEB_ANNOTATION_MESSAGES;

export interface WebAnnotationImport {
  /** Valid records for `report`, ready to merge like an exchange file's (mergeAnnotations). */
  annotations: Annotation[];
  /** Annotations set aside, by 1-based number in the file, with the Chinese reason. */
  skipped: { n: number; reason: string }[];
}

export interface ParseWebAnnotationOptions {
  /** The reader's clock (ms); default Date.now(). Missing `created` times become this. */
  now?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: Json, type: string) => asArray(v.type).includes(type) || asArray(v['@type']).includes(type);

/** The annotations of a JSON-LD document: a collection (first page embedded), a page, an array, or one annotation. */
function itemsOf(data: unknown): Result<unknown[]> {
  if (Array.isArray(data)) return { ok: true, value: data };
  if (!isObject(data)) return { ok: false, error: M.notWebAnnotation };
  if (hasType(data, 'AnnotationCollection')) {
    if (typeof data.first === 'string') return { ok: false, error: M.pagedCollection };
    if (!isObject(data.first)) return { ok: true, value: [] };
    return { ok: true, value: asArray(data.first.items) };
  }
  if (hasType(data, 'AnnotationPage')) return { ok: true, value: asArray(data.items) };
  if (hasType(data, 'Annotation')) return { ok: true, value: [data] };
  return { ok: false, error: M.notWebAnnotation };
}

/**
 * Reads a Web Annotation JSON-LD file for `report`.
 *
 * `{ok:false}` (Chinese message) when the text is empty, too large, not JSON, not Web Annotation,
 * a paged collection, holds too many annotations, or none of its annotations can be used.
 * Otherwise the usable annotations as valid records of `report` (ids kept from the file so a second
 * import matches the first), and the ones set aside with their reasons.
 */
export function parseWebAnnotations(text: string, report: Report, options: ParseWebAnnotationOptions = {}): Result<WebAnnotationImport> {
  const now = options.now ?? Date.now();
  if (text.length > MAX_EXCHANGE_BYTES) return { ok: false, error: M.tooLarge(MAX_EXCHANGE_BYTES / 1024 / 1024) };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: M.empty };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, error: M.notJson };
  }
  const items = itemsOf(data);
  if (!items.ok) return items;
  if (items.value.length > MAX_EXCHANGE_RECORDS) return { ok: false, error: M.tooMany(items.value.length, MAX_EXCHANGE_RECORDS) };

  const annotations: Annotation[] = [];
  const skipped: { n: number; reason: string }[] = [];
  const firstById = new Map<string, number>();
  items.value.forEach((item, i) => {
    const n = i + 1;
    const r = readAnnotation(item, report, now);
    if (!r.ok) {
      skipped.push({ n, reason: r.error });
      return;
    }
    const first = firstById.get(r.value.id);
    if (first !== undefined) {
      skipped.push({ n, reason: M.duplicateId(first) });
      return;
    }
    firstById.set(r.value.id, n);
    annotations.push(r.value);
  });
  if (annotations.length === 0 && skipped.length > 0) {
    return { ok: false, error: M.noneUsable(skipped.length, M.skipped(skipped[0].n, skipped[0].reason)) };
  }
  return { ok: true, value: { annotations, skipped } };
}

function fail(error: string): Result<never> {
  return { ok: false, error };
}

/** One JSON-LD annotation → a valid record of `report`, or the reason it cannot be one. */
function readAnnotation(item: unknown, report: Report, now: number): Result<Annotation> {
  if (!isObject(item) || !hasType(item, 'Annotation')) return fail(M.notAnnotation);

  // The first target that quotes text; Hypothesis lists one target per document URL.
  let quote: Json | undefined;
  let position: Json | undefined;
  let source: unknown;
  for (const target of asArray(item.target)) {
    if (!isObject(target)) continue;
    const selectors = asArray(target.selector).filter(isObject);
    quote = selectors.find((s) => hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string' && s.exact !== '');
    if (quote) {
      position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
      source = target.source;
      break;
    }
  }
  if (!quote) return fail(M.noQuote);
  if (typeof source === 'string' && source.startsWith('urn:yandu:report:') && source !== reportSourceIri(report.id)) return fail(M.otherReport(source.slice(0, 120)));

  const exact = quote.exact as string;
  const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-32) : '';
  const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, 32) : '';
  const anchor = placeQuote(report, exact, prefix, suffix, position, item['yandu:anchor']);
  if (!anchor) return fail(M.notFound);

  const created = readTime(item.created, 'created', now);
  if (!created.ok) return created;
  const modified = item.modified === undefined ? created : readTime(item.modified, 'modified', now);
  if (!modified.ok) return modified;

  const bodies = asArray(item.body).filter(isObject);
  const notes: string[] = [];
  const tags: string[] = [];
  let color: ColorKey = 'yellow';
  for (const b of bodies) {
    const value = typeof b.value === 'string' ? b.value : typeof b.chars === 'string' ? b.chars : null;
    if (value === null) continue;
    const purpose = asArray(b.purpose);
    if (purpose.includes('tagging')) tags.push(value);
    else if (purpose.includes('classifying') && (COLOR_KEYS as readonly string[]).includes(value)) color = value as ColorKey;
    else if (purpose.length === 0 || purpose.includes('commenting') || purpose.includes('describing')) notes.push(value);
  }
  if (typeof item.bodyValue === 'string') notes.push(item.bodyValue);
  const noteText = notes.join('\n\n');
  // The rich note only when it is 研读's own and valid; otherwise the plain text stands alone.
  const noteJson = typeof item['yandu:note'] === 'string' && validateNoteJson(item['yandu:note']).ok ? item['yandu:note'] : null;

  const record = {
    id: idOf(item),
    reportId: report.id,
    target: item['yandu:target'] === 'paragraph' ? 'paragraph' : 'range',
    anchor,
    color,
    tags: normaliseTags(tags),
    note: { json: noteText === '' && noteJson === null ? null : noteJson, text: noteText },
    author: authorOf(item.creator).slice(0, 100),
    createdAt: created.value,
    updatedAt: Math.max(created.value, modified.value),
    deleted: false,
  };
  const valid = parseAnnotation(record);
  return valid.ok ? valid : fail(M.invalid(valid.error));
}

/**
 * Where the quote is in `report`. 研读's own anchor is kept as it was exported when it still
 * matches this report's paragraphs (or belongs to another edition: the app re-anchors on load,
 * as for an exchange file); a position selector is used when the text there is the exact quote;
 * otherwise the quote is searched with its context. Null when it cannot be placed with confidence.
 */
function placeQuote(report: Report, exact: string, prefix: string, suffix: string, position: Json | undefined, own: unknown): Anchor | null {
  if (isObject(own) && typeof own.segmentId === 'string' && typeof own.endSegmentId === 'string' && typeof own.fingerprint === 'string') {
    return {
      segmentId: own.segmentId,
      start: own.start as number,
      endSegmentId: own.endSegmentId,
      end: own.end as number,
      quote: exact,
      prefix,
      suffix,
      fingerprint: own.fingerprint,
    };
  }
  if (position && Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end)) {
    const start = position.start as number;
    const end = position.end as number;
    if (start >= 0 && end > start && report.text.slice(start, end) === exact) {
      const local = toLocalRange(report, start, end);
      const anchor = local && createAnchor(report, { startSegmentId: local.segmentId, startOffset: local.start, endSegmentId: local.endSegmentId, endOffset: local.end });
      if (anchor && anchor.quote === exact) return anchor;
    }
  }
  const resolved = resolveAnchor(report, { segmentId: '', start: 0, endSegmentId: '', end: 0, quote: exact, prefix, suffix, fingerprint: '' });
  if (resolved.status !== 'exact' && resolved.status !== 'moved') return null;
  return createAnchor(report, { startSegmentId: resolved.segmentId, startOffset: resolved.start, endSegmentId: resolved.endSegmentId, endOffset: resolved.end });
}

function readTime(value: unknown, field: string, now: number): Result<number> {
  if (value === undefined) return { ok: true, value: now };
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_TIMESTAMP) return fail(M.badTime(field));
  if (ms > now + MAX_CLOCK_SKEW_MS) return fail(M.futureTime(field, formatBeijingTime(ms)));
  return { ok: true, value: ms };
}

/** 研读's id back from its IRI; another tool's IRI as is; a content hash when there is none, so re-importing matches. */
function idOf(item: Json): string {
  const iri = typeof item.id === 'string' ? item.id : typeof item['@id'] === 'string' ? (item['@id'] as string) : '';
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith('urn:yandu:annotation:')) {
    try {
      const id = decodeURIComponent(iri.slice('urn:yandu:annotation:'.length));
      if (id !== '') return id;
    } catch {
      // Malformed escape: fall through to the IRI itself.
    }
  }
  if (iri !== '' && iri.length <= 200) return iri;
  return `wa-${fingerprintText(JSON.stringify(item))}`;
}

function authorOf(creator: unknown): string {
  const c = asArray(creator)[0];
  if (typeof c === 'string') return c.replace(/^acct:/, '').replace(/@hypothes\.is$/, '');
  if (!isObject(c)) return '';
  for (const key of ['name', 'nickname', 'id']) if (typeof c[key] === 'string') return c[key] as string;
  return '';
}
