/**
 * A backup: every annotation of every report (tombstones included), as one exchange file per
 * report inside one JSON document, and the 起草 drafts. Each part is a complete study-group
 * exchange file, checked by the exchange parser on restore. `drafts` is optional so that backups
 * made before drafts were kept still read, and older builds ignore it.
 */
import type { Annotation } from '../annotations/model';
import { parseExchange, serializeExchange, type ExchangeFile, type ExchangeReport } from '../exchange/format';
import type { Result } from '../result';
import type { BackupKind } from './names';
import { parseBackupDrafts, type DraftRecord } from './drafts';

export const BACKUP_FORMAT = 'yandu-backup';
export const BACKUP_VERSION = 1;

export interface BackupInput {
  createdAt: number;
  kind: BackupKind;
  reports: { report: ExchangeReport; annotations: readonly Annotation[] }[];
  drafts?: readonly DraftRecord[];
}

export interface Backup {
  createdAt: number;
  kind: BackupKind;
  files: ExchangeFile[];
  drafts: DraftRecord[];
}

/** The backup document (deterministic: same records, same text). */
export function serializeBackup(input: BackupInput): string {
  const files = input.reports
    .filter((r) => r.annotations.length > 0)
    .sort((a, b) => (a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0))
    .map((r) => JSON.parse(serializeExchange({ exportedAt: input.createdAt, exportedBy: '', report: r.report, annotations: [...r.annotations] })) as unknown);
  const drafts = [...(input.drafts ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: input.createdAt, kind: input.kind, files, ...(drafts.length ? { drafts } : {}) })}\n`;
}

/** Reads a backup; `{ok:false}` with a Chinese reason when it is not one or any part is damaged. */
export function parseBackup(text: string): Result<Backup> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, error: '备份文件已损坏（JSON 格式错误）。' };
  }
  const d = data as { format?: unknown; version?: unknown; createdAt?: unknown; kind?: unknown; files?: unknown; drafts?: unknown };
  if (typeof d !== 'object' || d === null || d.format !== BACKUP_FORMAT) return { ok: false, error: '这不是研读的备份文件。' };
  if (typeof d.version !== 'number' || d.version > BACKUP_VERSION) return { ok: false, error: '这个备份来自更新版本的研读，请先升级。' };
  if (typeof d.createdAt !== 'number' || !Array.isArray(d.files)) return { ok: false, error: '备份文件缺少必要信息。' };
  const files: ExchangeFile[] = [];
  for (const [i, f] of d.files.entries()) {
    const parsed = parseExchange(JSON.stringify(f));
    if (!parsed.ok) return { ok: false, error: `备份中的第 ${i + 1} 份报告批注已损坏：${parsed.error}` };
    files.push(parsed.value);
  }
  const drafts = parseBackupDrafts(d.drafts);
  if (!drafts.ok) return drafts;
  const kind = (['daily', 'import', 'manual', 'restore'] as const).find((k) => k === d.kind) ?? 'manual';
  return { ok: true, value: { createdAt: d.createdAt, kind, files, drafts: drafts.value } };
}
