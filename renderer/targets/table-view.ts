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

const SCALES: readonly [string, number][] = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];

/**
 * 数值 as sorting compares it: figures of one unit together (6% beside 5.5%, never beside 6万人),
 * with the scale applied (1.2万亿元 above 500亿元). Qualitative rows (no number) come last.
 */
export function valueKey(r: Pick<TargetRow, 'number' | 'unit'>): { unit: string; amount: number } | null {
  if (r.number === null) return null;
  const unit = r.unit.normalize('NFKC');
  // 千瓦/千米/千克 are units of their own, not 千 × 瓦.
  const scale = SCALES.find(([s]) => unit.startsWith(s) && !/^千(?:瓦|米|克)/.test(unit));
  return scale ? { unit: unit.slice(scale[0].length), amount: r.number * scale[1] } : { unit, amount: r.number };
}

/** Units in a fixed order (percentages first) in either direction; amounts by `sign` within one. */
function compareValues(a: TargetRow, b: TargetRow, sign: number): number {
  const x = valueKey(a);
  const y = valueKey(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  if (x.unit !== y.unit) return x.unit === '%' ? -1 : y.unit === '%' ? 1 : x.unit.localeCompare(y.unit, 'zh-CN');
  return sign * (x.amount - y.amount);
}

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
      default: return 0;
    }
  };
  const sign = view.descending ? -1 : 1;
  indexed.sort((a, b) => {
    if (view.sort === 'value') {
      // Qualitative rows stay last, and units keep their order, in either direction.
      const v = compareValues(a.row, b.row, sign);
      return v !== 0 ? v : sign * (a.index - b.index);
    }
    const x = key(a.row);
    const y = key(b.row);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c !== 0 ? sign * c : sign * (a.index - b.index);
  });
  return indexed.map((x) => x.row);
}
