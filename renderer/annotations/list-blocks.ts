/**
 * The 批注列表's rows in blocks of a few rows each, for the virtual list. The virtualiser keeps
 * one position per entry and recomputes all of them when the entries change; with one entry per
 * annotation that was 50,000 positions after every click or note save. With one entry per block
 * (a section heading, or up to BLOCK_ROWS rows of one paragraph) it is a few thousand, and the
 * blocks of paragraphs a change did not touch are the very same objects (cached per paragraph
 * array), so React skips them.
 */
import type { Annotation, ChunkGroup } from '../../shared/annotations';

export type ItemRow = { kind: 'item'; a: Annotation; orphan?: boolean };
export type ListRow = { kind: 'group'; key: string; title: string; count: number } | { kind: 'orphans'; count: number } | ItemRow;

export interface ListBlock {
  key: string;
  rows: readonly ListRow[];
  /** Annotation rows in the block (for the height estimate). */
  items: number;
}

export const BLOCK_ROWS = 16;

/** One row object per annotation version and kind. */
const itemRows = new WeakMap<Annotation, ItemRow>();
const orphanRows = new WeakMap<Annotation, ItemRow>();
function itemRow(a: Annotation, orphan: boolean): ItemRow {
  const cache = orphan ? orphanRows : itemRows;
  let r = cache.get(a);
  if (!r) cache.set(a, (r = orphan ? { kind: 'item', a, orphan } : { kind: 'item', a }));
  return r;
}

const chunkBlocks = new WeakMap<readonly Annotation[], { prefix: string; blocks: ListBlock[] }>();

/** The blocks of one paragraph's (or the orphans') array, cached on the array. */
export function blocksOf(prefix: string, chunk: readonly Annotation[], orphan = false): ListBlock[] {
  const hit = chunkBlocks.get(chunk);
  if (hit && hit.prefix === prefix) return hit.blocks;
  const blocks: ListBlock[] = [];
  for (let i = 0; i < chunk.length; i += BLOCK_ROWS) {
    const rows = chunk.slice(i, i + BLOCK_ROWS).map((a) => itemRow(a, orphan));
    blocks.push({ key: `${prefix}:${i / BLOCK_ROWS}`, rows, items: rows.length });
  }
  chunkBlocks.set(chunk, { prefix, blocks });
  return blocks;
}

/** Blocks of the list by position: each section heading, then its paragraphs' rows; orphans last. */
export function positionBlocks(sections: readonly ChunkGroup[], orphans: readonly Annotation[], heading: (g: ChunkGroup) => string): ListBlock[] {
  const out: ListBlock[] = [];
  for (const g of sections) {
    out.push({ key: `g:${g.key}`, rows: [{ kind: 'group', key: g.key, title: heading(g), count: g.count }], items: 0 });
    for (const c of g.chunks) for (const b of blocksOf(c.paragraphId, c.annotations)) out.push(b);
  }
  if (orphans.length > 0) {
    out.push({ key: 'orphans', rows: [{ kind: 'orphans', count: orphans.length }], items: 0 });
    for (const b of blocksOf('o', orphans, true)) out.push(b);
  }
  return out;
}

/** Blocks of a flat list (by time). */
export function flatBlocks(list: readonly Annotation[]): ListBlock[] {
  const out: ListBlock[] = [];
  for (let i = 0; i < list.length; i += BLOCK_ROWS) {
    const rows = list.slice(i, i + BLOCK_ROWS).map((a) => itemRow(a, false));
    out.push({ key: `t:${i / BLOCK_ROWS}`, rows, items: rows.length });
  }
  return out;
}

/** sortByTime(…, 'updatedAt', 'desc')'s order: newest first, then by id. */
const newestFirst = (x: Annotation, y: Annotation) => y.updatedAt - x.updatedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Above this many changed annotations a full sort is cheaper than patching. */
const PATCH_LIMIT = 2000;

/**
 * The 按时间 order kept up to date from the paragraph arrays: after a change only the arrays
 * that are new objects are looked at, their old members taken out and their new ones put in
 * place by binary search, instead of sorting all 50,000 again.
 */
export class TimeOrder {
  private chunks: ReadonlyArray<readonly Annotation[]> = [];
  private sorted: Annotation[] = [];

  /** All annotations of `chunks` newest first (equal to sortByTime of their concatenation). */
  update(chunks: ReadonlyArray<readonly Annotation[]>): readonly Annotation[] {
    const before = new Set(this.chunks);
    const after = new Set(chunks);
    const removed: Annotation[] = [];
    const added: Annotation[] = [];
    for (const c of this.chunks) if (!after.has(c)) for (const a of c) removed.push(a);
    for (const c of chunks) if (!before.has(c)) for (const a of c) added.push(a);
    this.chunks = chunks;
    if (removed.length === 0 && added.length === 0) return this.sorted;
    if (removed.length + added.length > PATCH_LIMIT || this.sorted.length === 0) {
      const all: Annotation[] = [];
      for (const c of chunks) for (const a of c) all.push(a);
      this.sorted = all.sort(newestFirst);
      return this.sorted;
    }
    const gone = new Set(removed);
    const next = this.sorted.filter((a) => !gone.has(a));
    for (const a of added) {
      let lo = 0;
      let hi = next.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (newestFirst(next[mid], a) <= 0) lo = mid + 1;
        else hi = mid;
      }
      next.splice(lo, 0, a);
    }
    this.sorted = next;
    return next;
  }
}
