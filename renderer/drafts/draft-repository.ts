/** Drafts in Dexie (table `drafts`, schema version 3). */
import type { DraftRow, YanduDB } from '../db/schema';

export class DraftRepository {
  constructor(private readonly db: YanduDB) {}

  /** Drafts of a report, most recently edited first. */
  async list(reportId: string): Promise<DraftRow[]> {
    const rows = await this.db.drafts.where('reportId').equals(reportId).toArray();
    return rows.sort((a, b) => b.updatedAt - a.updatedAt);
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

  async remove(id: string): Promise<void> {
    await this.db.drafts.delete(id);
  }
}
