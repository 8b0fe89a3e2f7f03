/** Filtering, searching and sorting of the targets table (pure, for the pane and its tests). */
import type { TargetCategory, TargetRow } from '../../shared/targets';

export type SortKey = 'place' | 'category' | 'indicator' | 'direction' | 'value';

export interface TableView {
  /** Part number, or null for every part. */
  part: number | null;
  category: TargetCategory | null;
  query: string;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_VIEW: TableView = { part: null, category: null, query: '', sort: 'place', descending: false };

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The rows `view` shows, in its order. Rows keep their reading order as the tie-breaker. */
export function viewRows(rows: readonly TargetRow[], view: TableView): TargetRow[] {
  const q = fold(view.query.trim());
  const indexed = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => (view.part === null || row.part === view.part) && (view.category === null || row.category === view.category))
    .filter(({ row }) => !q || fold(`${row.indicator}${row.value}${row.text}${row.label}${row.direction}`).includes(q));
  const key = (r: TargetRow): string | number => {
    switch (view.sort) {
      case 'category': return r.category;
      case 'indicator': return r.indicator;
      case 'direction': return r.direction;
      case 'value': return r.number ?? Number.NEGATIVE_INFINITY;
      default: return 0;
    }
  };
  const sign = view.descending ? -1 : 1;
  indexed.sort((a, b) => {
    const x = key(a.row);
    const y = key(b.row);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c !== 0 ? sign * c : sign * (a.index - b.index);
  });
  return indexed.map((x) => x.row);
}
