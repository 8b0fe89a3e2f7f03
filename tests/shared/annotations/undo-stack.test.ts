import { describe, expect, it } from 'vitest';
import { applyEdit, createUndoStack, editId, type AnnotationChange } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { annotationOn } from './fixtures';

/** An in-memory store and an undo stack writing into it. */
function setup() {
  const store = new Map<string, Annotation>();
  let clock = 1_800_000_000_000;
  const writes: Annotation[][] = [];
  const stack = createUndoStack({
    // Applies field edits to the rows as they are now, as the repository does.
    apply: async (edits) => {
      const written: Annotation[] = [];
      for (const e of edits) {
        const next = applyEdit(store.get(editId(e)) ?? null, e, clock);
        if (next === 'remove') store.delete(editId(e));
        else if (next) {
          store.set(next.id, next);
          written.push(next);
        }
      }
      writes.push(written);
    },
  });
  const tick = () => (clock += 1000);
  /** Applies a change the way the repository would and returns it. */
  const apply = (before: Annotation | null, patch: Partial<Annotation> | null, base?: Annotation): AnnotationChange => {
    tick();
    const after = before ? { ...before, ...patch, updatedAt: clock } : { ...base!, createdAt: clock, updatedAt: clock };
    store.set(after.id, after);
    return { before, after };
  };
  return { store, stack, apply, writes, tick, now: () => clock };
}

describe('undo stack', () => {
  it('undoes and redoes create, colour, note, tags and delete in order', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('大力发展绿电制氢');
    const c1 = apply(null, null, a);
    stack.record('添加高亮', [c1]);
    const c2 = apply(store.get(a.id)!, { color: 'red' });
    stack.record('更改颜色', [c2]);
    const c3 = apply(store.get(a.id)!, { note: { json: null, text: '问产能' } });
    stack.record('编辑批注', [c3]);
    const c4 = apply(store.get(a.id)!, { tags: ['氢能'] });
    stack.record('编辑标签', [c4]);
    const c5 = apply(store.get(a.id)!, { deleted: true });
    stack.record('删除批注', [c5]);
    expect(stack.undoLabel()).toBe('删除批注');

    const states: Partial<Annotation>[] = [];
    for (let i = 0; i < 5; i++) {
      await stack.undo();
      const s = store.get(a.id)!;
      states.push({ deleted: s.deleted, color: s.color, tags: s.tags, note: s.note });
    }
    expect(states).toEqual([
      { deleted: false, color: 'red', tags: ['氢能'], note: { json: null, text: '问产能' } },
      { deleted: false, color: 'red', tags: [], note: { json: null, text: '问产能' } },
      { deleted: false, color: 'red', tags: [], note: { json: null, text: '' } },
      { deleted: false, color: 'yellow', tags: [], note: { json: null, text: '' } },
      // Undoing the creation leaves a tombstone.
      { deleted: true, color: 'yellow', tags: [], note: { json: null, text: '' } },
    ]);
    expect(stack.canUndo()).toBe(false);
    expect(await stack.undo()).toBeNull();

    for (let i = 0; i < 5; i++) await stack.redo();
    expect(store.get(a.id)).toMatchObject({ deleted: true, color: 'red', tags: ['氢能'], note: { text: '问产能' } });
    expect(stack.canRedo()).toBe(false);
  });

  it('moves updatedAt forward on every undo/redo write', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('抢占未来竞争制高点');
    stack.record('添加高亮', [apply(null, null, a)]);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'blue' })]);
    const t1 = store.get(a.id)!.updatedAt;
    await stack.undo();
    const t2 = store.get(a.id)!.updatedAt;
    await stack.redo();
    const t3 = store.get(a.id)!.updatedAt;
    expect(t2).toBeGreaterThan(t1);
    expect(t3).toBeGreaterThan(t2);
  });

  it('coalesces consecutive note edits of one annotation into one step', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('发展壮大数字经济');
    stack.record('添加高亮', [apply(null, null, a)]);
    for (const text of ['要', '要问', '要问清']) {
      stack.record('编辑批注', [apply(store.get(a.id)!, { note: { json: null, text } })], { coalesceKey: `note:${a.id}` });
    }
    await stack.undo();
    expect(store.get(a.id)!.note.text).toBe('');
    await stack.redo();
    expect(store.get(a.id)!.note.text).toBe('要问清');
    await stack.undo();
    await stack.undo();
    expect(store.get(a.id)!.deleted).toBe(true);
  });

  it.each([
    ['another action in between', 'other'],
    ['seal (editor blurred)', 'seal'],
    ['an undo in between', 'undo'],
    ['another annotation', 'otherNote'],
  ])('does not coalesce across %s', async (_name, breaker) => {
    const { store, stack, apply } = setup();
    const a = annotationOn('建强产业集聚载体');
    const b = annotationOn('深化城乡融合');
    stack.record('添加高亮', [apply(null, null, a)]);
    stack.record('添加高亮', [apply(null, null, b)]);
    const edit = (id: string, text: string) =>
      stack.record('编辑批注', [apply(store.get(id)!, { note: { json: null, text } })], { coalesceKey: `note:${id}` });
    edit(a.id, '一');
    if (breaker === 'other') stack.record('更改颜色', [apply(store.get(b.id)!, { color: 'red' })]);
    if (breaker === 'seal') stack.seal();
    if (breaker === 'undo') {
      await stack.undo();
      await stack.redo();
    }
    if (breaker === 'otherNote') edit(b.id, '乙');
    edit(a.id, '一二');
    await stack.undo();
    expect(store.get(a.id)!.note.text).toBe('一');
  });

  it('restores a deleted annotation with undo, redo deletes again', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('保障粮食安全', { note: { json: null, text: '重要' } });
    store.set(a.id, a);
    stack.record('删除批注', [apply(a, { deleted: true })]);
    await stack.undo();
    expect(store.get(a.id)).toMatchObject({ deleted: false, note: { text: '重要' } });
    await stack.redo();
    expect(store.get(a.id)!.deleted).toBe(true);
  });

  it('handles entries touching several records at once', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('多措并举促消费');
    const b = annotationOn('持续发力上项目');
    store.set(a.id, a);
    store.set(b.id, b);
    stack.record('删除 2 条批注', [apply(a, { deleted: true }), apply(b, { deleted: true })]);
    await stack.undo();
    expect([store.get(a.id)!.deleted, store.get(b.id)!.deleted]).toEqual([false, false]);
  });

  it('runs rapid undos in order and clears redo on a new action', async () => {
    const { store, stack, apply, writes } = setup();
    const a = annotationOn('精准务实抓招商');
    stack.record('添加高亮', [apply(null, null, a)]);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'green' })]);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'blue' })]);
    writes.length = 0;
    await Promise.all([stack.undo(), stack.undo()]);
    expect(writes.map((w) => w[0].color)).toEqual(['green', 'yellow']);
    expect(stack.canRedo()).toBe(true);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'purple' })]);
    expect(stack.canRedo()).toBe(false);
  });

  it('puts an entry back when its write fails', async () => {
    let fail = true;
    const stack = createUndoStack({
      apply: async () => {
        if (fail) throw new Error('disk full');
      },
    });
    const a = annotationOn('激发经营主体活力');
    stack.record('更改颜色', [{ before: a, after: { ...a, color: 'red' } }]);
    await expect(stack.undo()).rejects.toThrow('disk full');
    expect(stack.canUndo()).toBe(true);
    expect(stack.canRedo()).toBe(false);
    fail = false;
    expect((await stack.undo())?.label).toBe('更改颜色');
  });

  it('keeps at most `limit` entries and notifies subscribers', () => {
    const stack = createUndoStack({ apply: async () => undefined, limit: 3 });
    let calls = 0;
    const off = stack.subscribe(() => calls++);
    const a = annotationOn('深化京长对口合作');
    for (let i = 0; i < 5; i++) stack.record(`步骤${i}`, [{ before: a, after: { ...a, updatedAt: a.updatedAt + i + 1 } }]);
    expect(calls).toBe(5);
    off();
    stack.clear();
    expect(calls).toBe(5);
    expect(stack.canUndo()).toBe(false);
  });

  it('undoes only the fields the action changed: edits made elsewhere meanwhile stay', async () => {
    const { store, stack, apply, tick } = setup();
    const a = annotationOn('大力发展绿电制氢');
    stack.record('添加高亮', [apply(null, null, a)]);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'red' })]);
    // Another window writes a note meanwhile (not through this stack).
    tick();
    store.set(a.id, { ...store.get(a.id)!, note: { json: null, text: '另一个窗口写的' }, updatedAt: store.get(a.id)!.updatedAt + 1 });
    await stack.undo();
    expect(store.get(a.id)).toMatchObject({ color: 'yellow', note: { text: '另一个窗口写的' } });
    await stack.redo();
    expect(store.get(a.id)).toMatchObject({ color: 'red', note: { text: '另一个窗口写的' } });
  });

  it('never brings back an annotation deleted elsewhere by undoing an edit', async () => {
    const { store, stack, apply } = setup();
    const a = annotationOn('深化城乡融合');
    stack.record('添加高亮', [apply(null, null, a)]);
    stack.record('更改颜色', [apply(store.get(a.id)!, { color: 'blue' })]);
    store.set(a.id, { ...store.get(a.id)!, deleted: true, updatedAt: store.get(a.id)!.updatedAt + 1 });
    await stack.undo();
    expect(store.get(a.id)).toMatchObject({ deleted: true, color: 'blue' });
  });

  it('rejects malformed entries', () => {
    const stack = createUndoStack({ apply: async () => undefined });
    const a = annotationOn('深化重点领域改革');
    const b = annotationOn('全面汇聚创新人才');
    expect(() => stack.record('x', [])).toThrow(/at least one change/);
    expect(() => stack.record('x', [{ before: null, after: null }])).toThrow(/before or an after/);
    expect(() => stack.record('x', [{ before: a, after: b }])).toThrow(/same record/);
  });
});
