/**
 * Where the user was reading, per report, so reopening the app returns there.
 */
import { z } from 'zod';
import type { ReadingPosition, YanduDB } from './schema';
import { issuesText } from '../../shared/result';

const positionSchema = z.object({
  reportId: z.string().min(1).max(200),
  paragraphId: z.string().min(1).max(200),
  offsetRatio: z.number().min(0).max(1),
  updatedAt: z.int().nonnegative(),
});

export class ReadingPositionRepository {
  constructor(
    private readonly db: YanduDB,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Saves the position (offsetRatio clamped to 0..1, updatedAt = now). Throws on an empty
   * report or paragraph id or a NaN ratio, which would be caller bugs.
   */
  async save(position: Omit<ReadingPosition, 'updatedAt'>): Promise<ReadingPosition> {
    const ratio = Math.min(1, Math.max(0, position.offsetRatio));
    const r = positionSchema.safeParse({ ...position, offsetRatio: ratio, updatedAt: this.now() });
    if (!r.success) throw new Error(`Reading position rejected: ${issuesText(r.error)}`);
    await this.db.readingPositions.put(r.data);
    return r.data;
  }

  /** The saved position, or null when none (or the stored one is unreadable). */
  async load(reportId: string): Promise<ReadingPosition | null> {
    const row = await this.db.readingPositions.get(reportId);
    if (!row) return null;
    const r = positionSchema.safeParse(row);
    return r.success ? r.data : null;
  }
}
