/** Drafts in Dexie (table `drafts`, schema version 3). */
import type { DraftRow, YanduDB } from '../db/schema';

export class DraftRepository {
  constructor(private readonly db: YanduDB) {}

  /** Drafts of a report, most recently edited first (deleted ones: `deleted`, most recently deleted first). */
  async list(reportId: string, which: 'live' | 'deleted' = 'live'): Promise<DraftRow[]> {
    const rows = await this.db.drafts.where('reportId').equals(reportId).toArray();
    return which === 'live'
      ? rows.filter((r) => !r.deletedAt).sort((a, b) => b.updatedAt - a.updatedAt)
      : rows.filter((r) => r.deletedAt).sort((a, b) => b.deletedAt! - a.deletedAt!);
  }

  /** Every draft of every report, deleted ones too (for backups). */
  async listAll(): Promise<DraftRow[]> {
    return this.db.drafts.toArray();
  }

  /** Writes drafts restored from a backup, all or none. */
  async putAll(rows: readonly DraftRow[]): Promise<void> {
    await this.db.drafts.bulkPut([...rows]);
  }

  async put(row: DraftRow): Promise<void> {
    await this.db.drafts.put(row);
  }

  /** Saves what was typed; only the text and title change, so a stale row never overwrites a newer one. */
  async saveText(id: string, json: string, title: string, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, async () => {
      const row = await this.db.drafts.get(id);
      if (row) await this.db.drafts.put({ ...row, json, title, updatedAt: Math.max(now, row.updatedAt) });
    });
  }

  /** Moves a draft to 最近删除; its text stays until {@link purge}. */
  async remove(id: string, now = Date.now()): Promise<void> {
    await this.db.drafts.update(id, { deletedAt: now });
  }

  /** Brings a deleted draft back (撤销 / 恢复). */
  async restore(id: string): Promise<void> {
    await this.db.drafts.update(id, { deletedAt: undefined });
  }

  /** Deletes a draft for good (only one already in 最近删除). */
  async purge(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, async () => {
      const row = await this.db.drafts.get(id);
      if (row?.deletedAt) await this.db.drafts.delete(id);
    });
  }
}
