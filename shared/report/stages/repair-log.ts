/**
 * Repairs as the stages record them (by source line and column), resolved at the end to the
 * paragraph that holds them and put in source order.
 */
import type { Repair } from '../model';

export interface PendingRepair extends Repair {
  line: number;
  col: number;
  /** Source line whose paragraph the repair belongs to (`TAIL` for the last paragraph). */
  anchorLine: number;
}

/** Anchor for repairs after the last paragraph (removed tail chrome). */
export const TAIL = Number.MAX_SAFE_INTEGER;

export class RepairLog {
  private readonly pending: PendingRepair[] = [];

  /** Records a repair whose paragraph is found later from `anchorLine`. */
  add(r: Omit<PendingRepair, 'paragraphId'>): void {
    this.pending.push({ ...r, paragraphId: '' });
  }

  /** Records a repair already tied to a paragraph. */
  addTo(paragraphId: string, r: Omit<PendingRepair, 'paragraphId'>): void {
    this.pending.push({ ...r, paragraphId });
  }

  /**
   * The repairs in source order (line, column, then recording order), each tied to the paragraph
   * of the last unit starting at or before its anchor line (`lineToParagraph`, first line of each
   * paragraph → its id).
   */
  resolve(lineToParagraph: ReadonlyMap<number, string>, firstId: string, lastId: string): Repair[] {
    const sortedLines = [...lineToParagraph.keys()].sort((a, b) => a - b);
    const paragraphAt = (line: number): string => {
      if (line === TAIL) return lastId;
      let lo = 0;
      let hi = sortedLines.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sortedLines[mid] <= line) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found === -1 ? firstId : lineToParagraph.get(sortedLines[found])!;
    };
    return this.pending
      .map((r, k) => ({ r, k }))
      .sort((a, b) => a.r.line - b.r.line || a.r.col - b.r.col || a.k - b.k)
      .map(({ r }) => {
        const out: Repair = { kind: r.kind, paragraphId: r.paragraphId || paragraphAt(r.anchorLine), detail: r.detail };
        if (r.original !== undefined) out.original = r.original;
        if (r.replacement !== undefined) out.replacement = r.replacement;
        return out;
      });
  }
}
