/**
 * Bundled reports on disk: `<dir>/index.json` (array of ids), `<dir>/<id>/meta.json` and
 * `<dir>/<id>/source.txt` (+ optional `<dir>/<id>/typos.json`, the report's known source typos). Loads them through the one report loader and caches them.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Result } from '../../shared/ipc/contract';
import type { Report, ReportMeta } from '../../shared/report/model';
import type { ReportFile } from '../../shared/report/load/load-report';
import { parseKnownTypos, type KnownTypo } from '../../shared/report/typos';
import { MSG } from './messages';

/** Bundled report ids: lowercase ASCII words joined by `-` (they name folders). */
export const REPORT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `loadReportFile` of shared/report/load, bound to the format libraries (injected for tests). */
export type LoadReport = (file: ReportFile) => Promise<Result<Report>>;

export interface ReportStore {
  /** Metadata of every bundled report, in index.json order. */
  list(): Promise<Result<ReportMeta[]>>;
  /** A bundled report, segmented (cached after the first successful load). */
  load(id: string): Promise<Result<Report>>;
}

const indexSchema = z.array(z.string().regex(REPORT_ID_PATTERN)).max(1000);

const metaSchema = z.object({
  id: z.string().regex(REPORT_ID_PATTERN),
  title: z.string().min(1),
  year: z.number().int(),
  city: z.string(),
  source: z.string(),
});

/**
 * Directory of the bundled reports: `<resourcesPath>/reports` in a packaged app
 * (electron-builder `extraResources`), the repository's `resources/reports` otherwise.
 */
export function resolveReportsDir(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return options.isPackaged
    ? path.join(options.resourcesPath, 'reports')
    : path.join(options.appPath, 'resources', 'reports');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：` : '') + issue.message)
    .join('；');
}

/**
 * A report file the user chose (dialog or drop), read by the one loader; the error names the file.
 * Never throws.
 */
export async function reportFromFile(bytes: Uint8Array, name: string, load: LoadReport): Promise<Result<Report>> {
  try {
    const result = await load({ bytes, fileName: name });
    return result.ok ? result : { ok: false, error: MSG.reportDecodeFailed(name, result.error) };
  } catch (error) {
    return { ok: false, error: MSG.reportSegmentFailed(name, errorText(error)) };
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Creates the store over `dir`. Every failure (missing or malformed index, meta or source,
 * undecodable text) is a Result with a Chinese message naming the report.
 */
export function createReportStore(
  dir: string,
  load: LoadReport,
  readFile: (file: string) => Promise<Uint8Array> = fsReadFile,
): ReportStore {
  const cache = new Map<string, Promise<Result<Report>>>();

  async function readIndex(): Promise<Result<string[]>> {
    const file = path.join(dir, 'index.json');
    let raw: Uint8Array;
    try {
      raw = await readFile(file);
    } catch (error) {
      return { ok: false, error: isMissing(error) ? MSG.reportsIndexMissing(file) : MSG.reportsIndexInvalid(errorText(error)) };
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(raw));
    } catch (error) {
      return { ok: false, error: MSG.reportsIndexInvalid(errorText(error)) };
    }
    const parsed = indexSchema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: MSG.reportsIndexInvalid(issuesText(parsed.error)) };
  }

  async function readMeta(id: string): Promise<Result<ReportMeta>> {
    let raw: Uint8Array;
    try {
      raw = await readFile(path.join(dir, id, 'meta.json'));
    } catch (error) {
      return { ok: false, error: isMissing(error) ? MSG.reportMetaMissing(id) : MSG.reportMetaInvalid(id, errorText(error)) };
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(raw));
    } catch (error) {
      return { ok: false, error: MSG.reportMetaInvalid(id, errorText(error)) };
    }
    const parsed = metaSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: MSG.reportMetaInvalid(id, issuesText(parsed.error)) };
    if (parsed.data.id !== id) {
      return { ok: false, error: MSG.reportMetaInvalid(id, `id 应为“${id}”，实为“${parsed.data.id}”`) };
    }
    return { ok: true, value: parsed.data };
  }

  /** The report's known source typos; a report without typos.json has none. */
  async function readTypos(id: string): Promise<Result<KnownTypo[]>> {
    let raw: Uint8Array;
    try {
      raw = await readFile(path.join(dir, id, 'typos.json'));
    } catch (error) {
      return isMissing(error) ? { ok: true, value: [] } : { ok: false, error: MSG.reportTyposInvalid(id, errorText(error)) };
    }
    try {
      return { ok: true, value: parseKnownTypos(JSON.parse(new TextDecoder('utf-8').decode(raw))) };
    } catch (error) {
      return { ok: false, error: MSG.reportTyposInvalid(id, errorText(error)) };
    }
  }

  async function loadUncached(id: string): Promise<Result<Report>> {
    const index = await readIndex();
    if (!index.ok) return index;
    if (!index.value.includes(id)) return { ok: false, error: MSG.reportUnknown(id) };
    const meta = await readMeta(id);
    if (!meta.ok) return meta;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(dir, id, 'source.txt'));
    } catch (error) {
      return { ok: false, error: isMissing(error) ? MSG.reportSourceMissing(id) : MSG.reportDecodeFailed(meta.value.title, errorText(error)) };
    }
    const typos = await readTypos(id);
    if (!typos.ok) return typos;
    let report: Result<Report>;
    try {
      // meta.json names the report and keeps its id: stored annotations reference `changzhi-2026`.
      report = await load({ bytes, fileName: 'source.txt', bundled: { id, title: meta.value.title, typos: typos.value } });
    } catch (error) {
      return { ok: false, error: MSG.reportSegmentFailed(meta.value.title, errorText(error)) };
    }
    return report.ok ? report : { ok: false, error: MSG.reportDecodeFailed(meta.value.title, report.error) };
  }

  return {
    async list() {
      const index = await readIndex();
      if (!index.ok) return index;
      const metas: ReportMeta[] = [];
      for (const id of index.value) {
        const meta = await readMeta(id);
        if (!meta.ok) return meta;
        metas.push(meta.value);
      }
      return { ok: true, value: metas };
    },

    load(id) {
      if (!REPORT_ID_PATTERN.test(id)) return Promise.resolve({ ok: false, error: MSG.reportUnknown(id) });
      let pending = cache.get(id);
      if (!pending) {
        pending = loadUncached(id).then((result) => {
          // Failures are not cached: the user may fix the files and retry.
          if (!result.ok) cache.delete(id);
          return result;
        });
        cache.set(id, pending);
      }
      return pending;
    },
  };
}
