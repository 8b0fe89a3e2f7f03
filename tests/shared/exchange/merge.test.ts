import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations/model';
import { canonicalJson, isNewer, mergeAnnotations, summaryText, type MergeSummary } from '../../../shared/exchange';
import { annotationOn, lexicalJson } from '../annotations/fixtures';
import { applyChanges, asSet, COLORS, edit, importInto, pick, prng } from './helpers';

const mine = annotationOn('深化城乡融合', { author: '李四', tags: ['城乡'] });
const recoloured = edit(mine, { color: 'red' }, mine.updatedAt + 1000);
const deletedLater = edit(recoloured, { deleted: true });
const mineDeleted = edit(mine, { deleted: true });
const restoredLater = edit(mineDeleted, { deleted: false, note: { json: lexicalJson('再议'), text: '再议' } });
const otherMember = annotationOn('深化城乡融合', { author: '王五' });
const othersTomb = edit(annotationOn('保障粮食安全', { author: '王五' }), { deleted: true });

const zero: MergeSummary = { total: 0, added: 0, updated: 0, deleted: 0, restored: 0, skipped: 0, tombstonesAdded: 0, tombstonesUpdated: 0 };

describe('mergeAnnotations: one record', () => {
  it.each<[string, Annotation[], Annotation, keyof MergeSummary, Annotation | null]>([
    ['an unknown live record is added', [mine], otherMember, 'added', otherMember],
    ['an unknown tombstone is stored but counted apart', [mine], othersTomb, 'tombstonesAdded', othersTomb],
    ['a newer edit updates', [mine], recoloured, 'updated', recoloured],
    ['a newer tombstone deletes', [recoloured], deletedLater, 'deleted', deletedLater],
    ['a newer live version restores a tombstone', [mineDeleted], restoredLater, 'restored', restoredLater],
    ['a newer tombstone over a tombstone is stored quietly', [mineDeleted], edit(mineDeleted, { color: 'blue' }), 'tombstonesUpdated', edit(mineDeleted, { color: 'blue' })],
    ['an older version is skipped: a newer local edit is never lost', [recoloured], mine, 'skipped', null],
    ['an older tombstone does not delete a newer local edit', [restoredLater], mineDeleted, 'skipped', null],
    ['an older live copy does not revive a newer local delete', [deletedLater], recoloured, 'skipped', null],
    ['an identical record is skipped', [mine], { ...mine, tags: [...mine.tags] }, 'skipped', null],
  ])('%s', (_name, local, incoming, counter, after) => {
    const r = mergeAnnotations(local, [incoming]);
    expect(r.summary).toEqual({ ...zero, total: 1, [counter]: 1 });
    expect(r.changes).toEqual(after ? [{ before: local.find((a) => a.id === after.id) ?? null, after }] : []);
  });

  it('two members marking the same words keep two annotations, each with its author', () => {
    const r = mergeAnnotations([mine], [otherMember]);
    const store = applyChanges([mine], r.changes);
    expect(store.map((a) => [a.anchor.quote, a.author])).toEqual([
      ['深化城乡融合', '李四'],
      ['深化城乡融合', '王五'],
    ]);
  });

  it('equal updatedAt with different content: both sides pick the same winner', () => {
    const blue = { ...mine, color: 'blue' as const, updatedAt: mine.updatedAt + 5 };
    const green = { ...mine, color: 'green' as const, updatedAt: mine.updatedAt + 5 };
    const intoBlue = importInto([blue], [green]);
    const intoGreen = importInto([green], [blue]);
    expect(asSet(intoBlue)).toEqual(asSet(intoGreen));
    expect(isNewer(blue, green)).toBe(!isNewer(green, blue));
    expect(isNewer(blue, { ...blue })).toBe(false);
  });

  it('never reassigns a kept record: id, author and createdAt stay local', () => {
    const tampered = { ...recoloured, author: '冒名', createdAt: 1, reportId: 'elsewhere' };
    const [change] = mergeAnnotations([mine], [tampered]).changes;
    expect(change.after).toEqual({ ...recoloured, author: mine.author, createdAt: mine.createdAt, reportId: mine.reportId });
    // A copy differing only in those fields, at the same updatedAt, changes nothing.
    expect(mergeAnnotations([mine], [{ ...mine, author: '冒名' }]).changes).toEqual([]);
    expect(mergeAnnotations([mine], [{ ...mine, author: 'zzz' }]).summary.skipped).toBe(1);
  });

  it('several incoming copies of one id count once, as the newest', () => {
    const r = mergeAnnotations([], [mine, deletedLater, recoloured]);
    expect(r.changes).toEqual([{ before: null, after: deletedLater }]);
    expect(r.summary).toEqual({ ...zero, total: 3, tombstonesAdded: 1, skipped: 2 });
  });

  it('lists changes in incoming order, drops unknown keys, does not alias the input', () => {
    const extra = { ...otherMember, likes: 3 } as Annotation;
    const r = mergeAnnotations([mine], [othersTomb, recoloured, extra]);
    expect(r.changes.map((c) => c.after.id)).toEqual([othersTomb.id, mine.id, otherMember.id]);
    expect(r.changes[2].after).toEqual(otherMember);
    expect(r.changes[2].after).not.toBe(extra);
    r.changes[1].after.tags.push('x');
    expect(recoloured.tags).toEqual(['城乡']);
  });

  it('merging a store into itself changes nothing', () => {
    const store = [mine, otherMember, othersTomb];
    expect(mergeAnnotations(store, store)).toEqual({ changes: [], summary: { ...zero, total: 3, skipped: 3 } });
  });
});

describe('summaryText', () => {
  it.each<[Partial<MergeSummary>, string]>([
    [{ total: 56, added: 12, updated: 3, deleted: 1, skipped: 40 }, '新增 12 条，更新 3 条，删除 1 条，跳过 40 条（已有或较旧）'],
    [{ total: 5, added: 5 }, '新增 5 条'],
    [{ total: 3, restored: 2, skipped: 1 }, '恢复 2 条，跳过 1 条（已有或较旧）'],
    [{ total: 9, added: 7, tombstonesAdded: 1, tombstonesUpdated: 1 }, '新增 7 条，另有 2 条是已删除的批注，只记下删除'],
    [{ total: 40, skipped: 40 }, '没有新的批注：文件中的 40 条都已存在'],
    [{ total: 4, skipped: 2, tombstonesAdded: 2 }, '没有新的批注：文件中的 4 条都已存在或已被删除'],
    [{ total: 0 }, '文件中没有批注'],
  ])('%j → %s', (counts, text) => {
    expect(summaryText({ ...zero, ...counts })).toBe(text);
  });
});

/**
 * A study group's history: every annotation has a creator and a chain of versions (edits,
 * deletes, restores; sometimes two members edit in the same millisecond, giving forks). Each
 * member's store holds some version of some annotations.
 */
const bases = ['深化城乡融合', '大力发展绿电制氢', '保障粮食安全', '多措并举促消费', '新增进出口实绩企业'].map((q) => annotationOn(q));

function world(seed: number) {
  const rnd = prng(seed);
  const authors = ['张三', '李四', '王五', '赵六'];
  const versions = new Map<string, Annotation[]>();
  const ids = Array.from({ length: 8 + Math.floor(rnd() * 20) }, (_, i) => `id-${seed}-${i}`);
  for (const id of ids) {
    const createdAt = 1_700_000_000_000 + Math.floor(rnd() * 1000);
    let v: Annotation = { ...pick(rnd, bases), id, author: pick(rnd, authors), createdAt, updatedAt: createdAt, deleted: false };
    const chain = [v];
    for (let k = Math.floor(rnd() * 6); k > 0; k--) {
      const step = rnd() < 0.3 ? 0 : 1 + Math.floor(rnd() * 3);
      const patch: Partial<Annotation> = rnd() < 0.3 ? { deleted: !v.deleted } : { color: pick(rnd, COLORS), note: { json: null, text: pick(rnd, ['', '要问清产能', '👍🏽']) } };
      // step 0: a concurrent edit in the same millisecond as the previous version.
      v = { ...v, ...patch, updatedAt: v.updatedAt + step };
      chain.push(v);
    }
    versions.set(id, chain);
  }
  const store = (): Annotation[] =>
    ids.filter(() => rnd() < 0.6).map((id) => {
      const chain = versions.get(id)!;
      return { ...pick(rnd, chain) };
    });
  return { ids, versions, store, rnd };
}

/** The newest version of each id over all sources, computed without mergeAnnotations. */
function join(...stores: Annotation[][]): string[] {
  const best = new Map<string, Annotation>();
  for (const a of stores.flat()) {
    const b = best.get(a.id);
    if (!b || a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && canonicalJson(a) > canonicalJson(b))) best.set(a.id, a);
  }
  return asSet([...best.values()]);
}

describe('mergeAnnotations: properties over random group histories (seeded)', () => {
  const runs = Array.from({ length: 300 }, (_, i) => 1000 + i);

  it('is idempotent: importing the same file again changes nothing', () => {
    for (const seed of runs) {
      const { store } = world(seed);
      const [local, a] = [store(), store()];
      const once = importInto(local, a);
      const again = mergeAnnotations(once, a);
      expect(again.changes).toEqual([]);
      expect(again.summary.skipped).toBe(a.length);
    }
  });

  it('converges: local ⊕ A ⊕ B = local ⊕ B ⊕ A = the newest version of every id', () => {
    for (const seed of runs) {
      const { store } = world(seed);
      const [local, a, b] = [store(), store(), store()];
      const ab = importInto(importInto(local, a), b);
      const ba = importInto(importInto(local, b), a);
      expect(asSet(ab)).toEqual(asSet(ba));
      expect(asSet(ab)).toEqual(join(local, a, b));
      // Two members swapping files end with the same records.
      expect(asSet(importInto(a, b))).toEqual(asSet(importInto(b, a)));
    }
  });

  it('never loses a newer local edit and never changes authors or creation times', () => {
    for (const seed of runs) {
      const { store, versions } = world(seed);
      const [local, a] = [store(), store()];
      const result = new Map(importInto(local, a).map((x) => [x.id, x]));
      for (const l of local) {
        const r = result.get(l.id)!;
        expect(r.updatedAt).toBeGreaterThanOrEqual(l.updatedAt);
        if (!a.some((x) => x.id === l.id && isNewer(x, l))) expect(r).toBe(l);
      }
      for (const [id, r] of result) {
        const creator = versions.get(id)![0];
        expect([r.author, r.createdAt]).toEqual([creator.author, creator.createdAt]);
      }
    }
  });

  it('summaries add up and match the changes', () => {
    for (const seed of runs) {
      const { store } = world(seed);
      const [local, a] = [store(), store()];
      const { changes, summary: s } = mergeAnnotations(local, a);
      expect(s.added + s.updated + s.deleted + s.restored + s.skipped + s.tombstonesAdded + s.tombstonesUpdated).toBe(s.total);
      expect(changes.length).toBe(s.total - s.skipped);
      expect(changes.filter((c) => c.before === null).length).toBe(s.added + s.tombstonesAdded);
      expect(changes.filter((c) => c.before && !c.before.deleted && c.after.deleted).length).toBe(s.deleted);
      expect(changes.filter((c) => c.before?.deleted && !c.after.deleted).length).toBe(s.restored);
      for (const c of changes) if (c.before) expect(isNewer(c.after, c.before)).toBe(true);
    }
  });
});
