/**
 * An immutable map whose next version costs O(changes), not O(size): a frozen base map plus a
 * small layer of recent changes, folded into a new base once the layer grows past a bound.
 *
 * Why: the annotation store hands React a new `byId` / `resolutions` / `colors` on every change,
 * and selectors compare by identity. Copying a 50,000-entry Map on each click costs more than
 * the whole click may take; a layer of a few entries does not. Old versions stay valid (a
 * component still rendering them sees what it saw), since no base is ever mutated.
 */
const GONE: unique symbol = Symbol('gone');
/** Versions `changedSince` can look back over. */
const HISTORY = 16;

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;
  private readonly base: ReadonlyMap<K, V>;
  private readonly top: ReadonlyMap<K, V | typeof GONE>;
  /** The version this one was made from, and the keys set or deleted since (for cheap diffs). */
  private parent: LayeredMap<K, V> | null;
  private readonly delta: readonly K[];

  private constructor(base: ReadonlyMap<K, V>, top: ReadonlyMap<K, V | typeof GONE>, size: number, parent: LayeredMap<K, V> | null, delta: readonly K[]) {
    this.base = base;
    this.top = top;
    this.size = size;
    this.parent = parent;
    this.delta = delta;
    // Cut the history after a few versions, or every old layer would stay in memory.
    let v = parent;
    for (let i = 1; v && i < HISTORY; i++) v = v.parent;
    if (v) v.parent = null;
  }

  static of<K, V>(entries: Iterable<readonly [K, V]> = []): LayeredMap<K, V> {
    const base = new Map<K, V>();
    for (const [k, v] of entries) base.set(k, v);
    return new LayeredMap<K, V>(base, new Map(), base.size, null, []);
  }

  get(key: K): V | undefined {
    const t = this.top.get(key);
    if (t !== undefined) return t === GONE ? undefined : t;
    if (this.top.has(key)) return undefined;
    return this.base.get(key);
  }

  has(key: K): boolean {
    const t = this.top.get(key);
    if (t !== undefined) return t !== GONE;
    return this.base.has(key);
  }

  /**
   * A new version with `set` entries set and `remove` keys deleted (a key in both is set).
   * This version is unchanged; returns `this` when nothing differs.
   */
  with(set: Iterable<readonly [K, V]>, remove: Iterable<K> = []): LayeredMap<K, V> {
    const changes = new Map<K, V | typeof GONE>();
    for (const k of remove) if (this.has(k)) changes.set(k, GONE);
    for (const [k, v] of set) if (this.get(k) !== v || !this.has(k)) changes.set(k, v);
    if (changes.size === 0) return this;
    let size = this.size;
    for (const [k, v] of changes) {
      const had = this.has(k);
      if (v === GONE) size--;
      else if (!had) size++;
    }
    const delta = [...changes.keys()];
    // The layer is copied on every version: keep it small against the base (amortised O(1)).
    if (this.top.size + changes.size > 64 + Math.sqrt(this.base.size) * 2) {
      const base = new Map<K, V>();
      for (const [k, v] of this.entries()) if (!changes.has(k)) base.set(k, v);
      for (const [k, v] of changes) if (v !== GONE) base.set(k, v);
      return new LayeredMap<K, V>(base, new Map(), size, this, delta);
    }
    const top = new Map(this.top);
    for (const [k, v] of changes) {
      // A key the base never had needs no tombstone once deleted.
      if (v === GONE && !this.base.has(k)) top.delete(k);
      else top.set(k, v);
    }
    return new LayeredMap<K, V>(this.base, top, size, this, delta);
  }

  /**
   * Keys whose value may differ between `older` and this version, when this version descends
   * from `older` within a few versions; null otherwise (compare in full).
   */
  changedSince(older: ReadonlyMap<K, V>): Set<K> | null {
    if (older === this) return new Set();
    const keys = new Set<K>(this.delta);
    let v = this.parent;
    for (let i = 0; v && i < HISTORY; i++) {
      if (v === older) return keys;
      for (const k of v.delta) keys.add(k);
      v = v.parent;
    }
    return null;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) if (!this.top.has(k)) yield [k, v];
    for (const [k, v] of this.top) if (v !== GONE) yield [k, v];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
