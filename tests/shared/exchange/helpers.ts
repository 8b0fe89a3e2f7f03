/** Helpers for exchange tests: a seeded PRNG, store simulation, record edits as the app makes them. */
import type { Annotation, ColorKey } from '../../../shared/annotations/model';
import { canonicalJson, mergeAnnotations, type MergeResult } from '../../../shared/exchange';

/** mulberry32: small, fast, good enough to drive property tests; same seed → same run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

export const COLORS: readonly ColorKey[] = ['yellow', 'green', 'blue', 'red', 'purple'];

/** A user edit as AnnotationRepository.mutate makes it: updatedAt strictly increases. */
export function edit(a: Annotation, patch: Partial<Annotation>, now = a.updatedAt + 1): Annotation {
  return { ...a, ...patch, id: a.id, createdAt: a.createdAt, updatedAt: Math.max(now, a.updatedAt + 1) };
}

/** The store after writing the merge's changes (bulkPut by id). */
export function applyChanges(store: readonly Annotation[], changes: MergeResult['changes']): Annotation[] {
  const byId = new Map(store.map((a) => [a.id, a]));
  for (const c of changes) byId.set(c.after.id, c.after);
  return [...byId.values()];
}

/** Imports `incoming` into `store` and returns the new store. */
export function importInto(store: readonly Annotation[], incoming: readonly Annotation[]): Annotation[] {
  return applyChanges(store, mergeAnnotations(store, incoming).changes);
}

/** A store as a set of records: canonical JSON sorted by id, for equality checks. */
export function asSet(store: readonly Annotation[]): string[] {
  return [...store].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(canonicalJson);
}
