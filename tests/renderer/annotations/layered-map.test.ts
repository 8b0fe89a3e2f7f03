import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../../renderer/annotations/layered-map';
import { rng } from '../../../bench/annotation-fixtures';

describe('LayeredMap', () => {
  it('behaves as a copied Map through 3,000 random versions, every old version unchanged', () => {
    const rand = rng(3);
    let m = LayeredMap.of<string, number>([['a', 1]]);
    let ref = new Map([['a', 1]]);
    const kept: Array<[LayeredMap<string, number>, Map<string, number>]> = [];
    for (let i = 0; i < 3000; i++) {
      const sets: Array<[string, number]> = [];
      const dels: string[] = [];
      const n = rand() < 0.02 ? 400 : 1 + Math.floor(rand() * 4); // now and then a big batch (a fold)
      for (let k = 0; k < n; k++) {
        const key = `k${Math.floor(rand() * 600)}`;
        if (rand() < 0.3) dels.push(key);
        else sets.push([key, i]);
      }
      m = m.with(sets, dels);
      ref = new Map(ref);
      for (const d of dels) ref.delete(d);
      for (const [k, v] of sets) ref.set(k, v);
      expect(m.size).toBe(ref.size);
      if (i % 100 === 0) kept.push([m, ref]);
    }
    for (const [v, r] of kept) {
      expect(new Map(v)).toEqual(r);
      expect([...v.keys()].sort()).toEqual([...r.keys()].sort());
      for (const k of ['k1', 'k77', 'a', 'zz']) {
        expect(v.get(k)).toBe(r.get(k));
        expect(v.has(k)).toBe(r.has(k));
      }
    }
  });

  it('returns itself when nothing changes, and names what changed since a recent version', () => {
    const m0 = LayeredMap.of([['x', 1], ['y', 2]]);
    expect(m0.with([['x', 1]], ['nope'])).toBe(m0);
    const m1 = m0.with([['x', 5]]);
    const m2 = m1.with([], ['y']);
    expect(m2.changedSince(m0)).toEqual(new Set(['x', 'y']));
    expect(m2.changedSince(LayeredMap.of([['x', 1]]))).toBeNull();
    let m = m2;
    for (let i = 0; i < 40; i++) m = m.with([['z', i]]);
    expect(m.changedSince(m0)).toBeNull(); // older than the history kept: compare in full
  });
});
