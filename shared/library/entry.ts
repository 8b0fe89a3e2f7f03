/**
 * A report kept in the 书架 (library): its catalogue entry, derived from the segmented report, and
 * the rules that tell a report already on the shelf, another edition of one, or a new one.
 */
import { z } from 'zod';
import type { Report, ReportMeta } from '../report/model';

/** Ids a stored report may have: a bundled folder name or `r-<hex fingerprint>`; they name files. */
export const SHELF_ID_PATTERN = /^(?:r-[0-9a-f]{8,64}|[a-z0-9]+(?:-[a-z0-9]+)*)$/;

export const SOURCE_FORMATS = ['txt', 'docx', 'pdf', 'html'] as const;

export const shelfEntrySchema = z.object({
  id: z.string().regex(SHELF_ID_PATTERN),
  /** Title the user sees (renamable); `originalTitle` keeps the report's own for edition matching. */
  title: z.string().min(1).max(200),
  originalTitle: z.string().min(1).max(200),
  /** Year of the report (from its title or meeting line), 0 when unknown. */
  year: z.number().int().min(0).max(9999),
  /** 省/市/县 named in the title, '' when none. */
  region: z.string().max(40),
  format: z.enum(SOURCE_FORMATS),
  fingerprint: z.string().max(128),
  /** ms since epoch. */
  addedAt: z.number().int().nonnegative(),
  /** ms since epoch the report went to the 回收站; 0 while on the shelf. */
  removedAt: z.number().int().nonnegative(),
  /** The report shipped with the app: always on the shelf, never removed. */
  bundled: z.boolean(),
  /** ms since epoch the report was last opened; the app starts on the latest. 0 = never. */
  openedAt: z.number().int().nonnegative(),
  /** Id of the edition this one replaced (作为新版本打开), '' when none. */
  previousEdition: z.string().max(80),
  /** How the previous edition's annotations moved here (修订对照); absent when none did. */
  editionCounts: z.object({ exact: z.number().int().nonnegative(), approximate: z.number().int().nonnegative(), orphaned: z.number().int().nonnegative() }).optional(),
});

export type ShelfEntry = z.infer<typeof shelfEntrySchema>;

const YEAR = /(19|20)\d{2}(?=年)/;
/** The place named before 政府工作报告 / 人民政府: `山西省`, `长治市`, `内蒙古自治区`, `某某县`. */
const REGION = /([\u4e00-\u9fa5]{2,12}?(?:省|市|自治区|特别行政区|自治州|地区|盟|州|县|区|旗))(?:人民政府|政府|国民经济|\d|第|$)/;

/** Year of a report from its title, else from its text's meeting line (`2026年1月25日在…`); 0 when neither says. */
export function reportYear(report: Pick<Report, 'title' | 'text'>): number {
  const m = YEAR.exec(report.title) ?? YEAR.exec(report.text.slice(0, 400));
  return m ? Number(m[0]) : 0;
}

/** The region named in a title: `2026年山西省政府工作报告` → `山西省`; '' when none. */
export function reportRegion(title: string): string {
  const rest = title.replace(/^关于/, '').replace(/^.*?(19|20)\d{2}年(?:度)?/, '').replace(/^[\s　]+/, '');
  const m = REGION.exec(rest) ?? REGION.exec(title.replace(/^关于/, ''));
  return m ? m[1].replace(/^(?:19|20)\d{2}年/, '') : '';
}

/**
 * The catalogue entry of a report just read. A bundled report passes its meta.json (year and city
 * are known there, and its id is its folder's).
 */
export function entryFromReport(report: Report, now: number, bundled?: Pick<ReportMeta, 'year' | 'city'>): ShelfEntry {
  return {
    id: report.id,
    title: report.title,
    originalTitle: report.title,
    year: bundled?.year ?? reportYear(report),
    region: bundled?.city ?? reportRegion(report.title),
    format: report.format ?? 'txt',
    fingerprint: report.fingerprint,
    addedAt: now,
    removedAt: 0,
    openedAt: 0,
    bundled: !!bundled,
    previousEdition: '',
  };
}

/** A title as compared for editions: no spaces, no 征求意见稿/草案/修订稿 marks, full-width folded. */
export function editionKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[（(【\[]?(?:征求意见稿|草案|送审稿|修订稿|讨论稿|定稿|终稿)[）)】\]]?/g, '')
    .replace(/\s+/g, '');
}

export type Admission =
  /** The same text is on the shelf (perhaps in the 回收站). */
  | { kind: 'known'; entry: ShelfEntry }
  /** Same title and year, different text: offer 作为新版本打开 over `entry`. */
  | { kind: 'edition'; entry: ShelfEntry }
  | { kind: 'new' };

/**
 * What a report just read is to the shelf. Another edition needs the same title (ignoring draft
 * marks) and the same known year; when several match, the most recently added one is the edition
 * it follows. Entries in the 回收站 are not offered as older editions.
 */
export function admit(entries: readonly ShelfEntry[], report: Report): Admission {
  const same = entries.find((e) => e.id === report.id);
  if (same) return { kind: 'known', entry: same };
  const year = reportYear(report);
  if (!year) return { kind: 'new' };
  const key = editionKey(report.title);
  const editions = entries.filter((e) => !e.removedAt && e.year === year && editionKey(e.originalTitle) === key);
  if (editions.length === 0) return { kind: 'new' };
  const latest = editions.reduce((a, b) => (b.addedAt > a.addedAt ? b : a));
  return { kind: 'edition', entry: latest };
}

/** A new title for a shelf entry, trimmed; null when empty or too long. */
export function cleanTitle(input: string): string | null {
  const t = input.replace(/\s+/g, ' ').trim();
  return t.length > 0 && t.length <= 200 ? t : null;
}

/** Shelf order: bundled first, then newest added first. */
export function shelfOrder(a: ShelfEntry, b: ShelfEntry): number {
  return Number(b.bundled) - Number(a.bundled) || b.addedAt - a.addedAt || a.id.localeCompare(b.id);
}
