/**
 * The 起草 drafts inside a backup. Restoring never overwrites a draft: one missing here comes back
 * as it was; one that reads differently now is kept, and the backup's version is added beside it
 * as a copy (标题（备份 2026-12-03）), so neither what was written since nor what the backup holds
 * is lost. Drafts written after the backup are left alone.
 */
import { z } from 'zod';

/** Longest draft text accepted from a backup file (serialized Lexical state). */
const MAX_DRAFT_JSON = 5_000_000;

export const draftRecordSchema = z.object({
  id: z.string().min(1).max(200),
  reportId: z.string().min(1).max(200),
  kind: z.enum(['proposal', 'outline']),
  title: z.string().max(500),
  json: z.string().max(MAX_DRAFT_JSON),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
  deletedAt: z.number().finite().optional(),
});

/** A draft as the app stores it (the Dexie `drafts` row). */
export type DraftRecord = z.infer<typeof draftRecordSchema>;

/** Reads the `drafts` of a backup document; absent (a backup made before drafts were kept) is none. */
export function parseBackupDrafts(value: unknown): { ok: true; value: DraftRecord[] } | { ok: false; error: string } {
  if (value === undefined) return { ok: true, value: [] };
  const parsed = z.array(draftRecordSchema).safeParse(value);
  if (!parsed.success) return { ok: false, error: '备份中的草稿已损坏。' };
  return { ok: true, value: parsed.data };
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The drafts to write when restoring a backup made at `createdAt`, given the drafts stored now. */
export function planDraftRestore(backup: readonly DraftRecord[], stored: readonly DraftRecord[], createdAt: number): DraftRecord[] {
  const current = new Map(stored.map((d) => [d.id, d]));
  const out: DraftRecord[] = [];
  for (const d of backup) {
    const now = current.get(d.id);
    if (!now) {
      out.push(d);
      continue;
    }
    if (now.json === d.json && now.title === d.title && !!now.deletedAt === !!d.deletedAt) continue;
    if (now.json === d.json && now.title === d.title) {
      // Same text, only deleted on one side: bring it back into the list.
      if (now.deletedAt) out.push({ ...now, deletedAt: undefined });
      continue;
    }
    // The id is derived from the backup, so restoring the same backup twice adds one copy.
    const copy = { ...d, id: `${d.id}~${createdAt}`, title: `${d.title}（备份 ${day(createdAt)}）`, deletedAt: undefined };
    if (!current.has(copy.id)) out.push(copy);
  }
  return out;
}
