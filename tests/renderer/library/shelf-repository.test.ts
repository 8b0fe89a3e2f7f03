import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnnotationRepository } from '../../../renderer/db';
import { ShelfRepository, type ShelfFiles, type ShelfItem } from '../../../renderer/library/shelf-repository';
import { openDb } from '../db/helpers';
import { annotationOn, report as bundled } from '../../shared/annotations/fixtures';
import { corpusReport } from '../../shared/library/helpers';
import type { Report } from '../../../shared/report/model';

/** The host's shelf folder, in memory. */
function memoryFiles(): ShelfFiles & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    writeShelfReport: async (id, text) => (files.set(id, text), { ok: true, value: undefined }),
    readShelfReport: async (id) => (files.has(id) ? { ok: true, value: files.get(id)! } : { ok: false, error: '书架中找不到这份报告的正文' }),
    removeShelfReport: async (id) => (files.delete(id), { ok: true, value: undefined }),
  };
}

function setup() {
  const db = openDb();
  const files = memoryFiles();
  let t = 1000;
  const shelf = new ShelfRepository(db, files, () => ++t);
  return { db, files, shelf, annotations: new AnnotationRepository(db) };
}

const onReport = (r: Report, quote: string) => {
  const a = annotationOn(quote);
  return { ...a, reportId: r.id };
};

describe('ShelfRepository', () => {
  it('keeps every opened report with its own annotations; the bundled one is always there', async () => {
    const { shelf, annotations, files } = setup();
    await shelf.ensureBundled(bundled, { year: 2026, city: '长治市' });
    const shanxi = await corpusReport('山西省');
    const added = await shelf.add(shanxi);
    expect(added.ok).toBe(true);
    expect(files.files.has(shanxi.id)).toBe(true);
    expect(await shelf.load(shanxi.id)).toEqual({ ok: true, value: shanxi });
    await annotations.apply([{ kind: 'create', record: annotationOn('大力发展绿电制氢') }]);
    const list = await new Promise<ShelfItem[]>((resolve) => {
      const sub = shelf.observe().subscribe((items) => {
        sub.unsubscribe();
        resolve(items);
      });
    });
    expect(list.map((e) => [e.id, e.bundled, e.annotationCount])).toEqual([
      [bundled.id, true, 1],
      [shanxi.id, false, 0],
    ]);
    // Opening the same text again does not add a second entry.
    await shelf.add(shanxi);
    expect((await shelf.list()).length).toBe(2);
  });

  it('renames, remembers the last opened report, refuses to remove the bundled one', async () => {
    const { shelf } = setup();
    await shelf.ensureBundled(bundled, { year: 2026, city: '长治市' });
    const hebei = await corpusReport('河北省');
    await shelf.add(hebei);
    expect(await shelf.rename(hebei.id, '  河北 2026  ')).toBe(true);
    expect(await shelf.rename(hebei.id, '   ')).toBe(false);
    expect((await shelf.get(hebei.id))?.title).toBe('河北 2026');
    expect((await shelf.get(hebei.id))?.originalTitle).toBe(hebei.title);
    await shelf.touch(hebei.id);
    expect((await shelf.lastOpened())?.id).toBe(hebei.id);
    await shelf.touch(bundled.id);
    expect((await shelf.lastOpened())?.id).toBe(bundled.id);
    expect(await shelf.remove(bundled.id)).toBe(false);
    // A bundled rename survives the next start.
    await shelf.rename(bundled.id, '长治 2026');
    await shelf.ensureBundled(bundled, { year: 2026, city: '长治市' });
    expect((await shelf.get(bundled.id))?.title).toBe('长治 2026');
  });

  it('a removed report waits in the 回收站 with its annotations, comes back on restore, goes for good when emptied', async () => {
    const { db, shelf, annotations, files } = setup();
    const gansu = await corpusReport('甘肃省');
    const hubei = await corpusReport('湖北省');
    await shelf.add(gansu);
    await shelf.add(hubei);
    // Only the report id matters to the shelf.
    await annotations.apply([{ kind: 'create', record: onReport(gansu, '大力发展绿电制氢') }]);
    await db.readingPositions.put({ reportId: gansu.id, paragraphId: 'p1-0-1', offsetRatio: 0, updatedAt: 1 });

    expect(await shelf.remove(gansu.id)).toBe(true);
    expect((await shelf.get(gansu.id))?.removedAt).toBeGreaterThan(0);
    expect((await shelf.lastOpened())?.id).toBe(hubei.id);
    expect(await annotations.listByReport(gansu.id)).toHaveLength(1);
    await shelf.restore(gansu.id);
    expect((await shelf.get(gansu.id))?.removedAt).toBe(0);

    await shelf.remove(gansu.id);
    expect(await shelf.emptyTrash()).toEqual({ ok: true, value: 1 });
    expect(await shelf.get(gansu.id)).toBeNull();
    expect(files.files.has(gansu.id)).toBe(false);
    expect(await annotations.listByReport(gansu.id, { includeDeleted: true })).toHaveLength(0);
    expect(await db.readingPositions.get(gansu.id)).toBeUndefined();
    // The other report is untouched.
    expect(await shelf.load(hubei.id)).toMatchObject({ ok: true });
  });

  it('opening a report that is in the 回收站 takes it out', async () => {
    const { shelf } = setup();
    const r = await corpusReport('辽宁省');
    await shelf.add(r);
    await shelf.remove(r.id);
    await shelf.add(r);
    expect((await shelf.get(r.id))?.removedAt).toBe(0);
  });

  it('a damaged stored report gives a Chinese message, not a crash', async () => {
    const { shelf, files } = setup();
    const r = await corpusReport('陕西省');
    await shelf.add(r);
    files.files.set(r.id, files.files.get(r.id)!.slice(0, 500));
    expect(await shelf.load(r.id)).toMatchObject({ ok: false, error: expect.stringMatching(/^书架中的报告文件已损坏/) });
  });
});

describe('ShelfRepository.moveToEdition', () => {
  it('moves the old edition’s annotations onto the new one in one go and notes the counts', async () => {
    const { db, shelf, annotations } = setup();
    const { corpusText, readReport } = await import('../../shared/library/helpers');
    const { createAnchor } = await import('../../../shared/anchoring');
    const { newAnnotation } = await import('../../../shared/annotations');
    const { selectionFor } = await import('../../shared/anchoring/report-fixture');
    const source = corpusText('安徽省');
    const prev = await readReport(source, 'a.txt');
    const quote = prev.paragraphs.find((p) => p.kind === 'body' && p.text.length > 80)!.text.slice(10, 30);
    const next = await readReport(source.replace(quote, quote.slice(0, 5) + '（修订）' + quote.slice(5)), 'b.txt');
    await shelf.add(prev);
    await shelf.add(next, prev.id);
    const keep = newAnnotation({ reportId: prev.id, anchor: createAnchor(prev, selectionFor(prev, '各位代表'))!, color: 'green', author: '李四', id: 'k1', now: 1 });
    const lost = newAnnotation({ reportId: prev.id, anchor: createAnchor(prev, selectionFor(prev, quote.slice(3, 8)))!, color: 'red', author: '李四', id: 'k2', now: 1 });
    await annotations.apply([{ kind: 'create', record: keep }, { kind: 'create', record: lost }]);
    const r = await shelf.moveToEdition(prev.id, next);
    expect(r.counts.exact + r.counts.approximate + r.counts.orphaned).toBe(2);
    expect(r.counts.exact).toBe(1);
    expect(await annotations.listByReport(prev.id)).toHaveLength(0);
    expect((await annotations.listByReport(next.id)).map((a) => a.id).sort()).toEqual(['k1', 'k2']);
    expect((await shelf.get(next.id))).toMatchObject({ previousEdition: prev.id, editionCounts: r.counts });
    expect((await shelf.get(prev.id))?.removedAt).toBe(0);
    expect(await db.annotations.count()).toBe(2);
  });
});

describe('ShelfRepository.undoMoveToEdition (撤销移动)', () => {
  it('puts the moved annotations back as they were; one changed on the new edition since stays there', async () => {
    const { shelf, annotations } = setup();
    const { corpusText, readReport } = await import('../../shared/library/helpers');
    const { createAnchor } = await import('../../../shared/anchoring');
    const { newAnnotation } = await import('../../../shared/annotations');
    const { selectionFor } = await import('../../shared/anchoring/report-fixture');
    const source = corpusText('安徽省');
    const prev = await readReport(source, 'a.txt');
    const next = await readReport(source.replace('各位代表', '各位代表（修订）'), 'b.txt');
    await shelf.add(prev);
    await shelf.add(next, prev.id);
    const on = (id: string, phrase: string) => newAnnotation({ reportId: prev.id, anchor: createAnchor(prev, selectionFor(prev, phrase))!, color: 'green', author: '李四', id, now: 1 });
    const originals = [on('u1', '各位代表'), on('u2', '现在'), on('u3', '高质量发展')];
    await annotations.apply(originals.map((record) => ({ kind: 'create' as const, record })));
    const before = await annotations.listByReport(prev.id, { includeDeleted: true });
    const { undo } = await shelf.moveToEdition(prev.id, next);
    // After the move the user writes a note on u3 in the new edition and adds a highlight there.
    const fresh = newAnnotation({ reportId: next.id, anchor: createAnchor(next, selectionFor(next, '现在'))!, color: 'red', author: '李四', id: 'n1', now: 5 });
    await annotations.apply([
      { kind: 'patch', id: 'u3', set: { note: { json: null, text: '移动后写的批注' } } },
      { kind: 'create', record: fresh },
    ]);
    expect(await shelf.undoMoveToEdition(undo)).toEqual({ restored: 2, kept: 1 });
    const back = await annotations.listByReport(prev.id, { includeDeleted: true });
    expect(back.map((a) => a.id).sort()).toEqual(['u1', 'u2']);
    for (const a of back) {
      const was = before.find((b) => b.id === a.id)!;
      expect({ ...a, updatedAt: 0 }).toEqual({ ...was, updatedAt: 0 });
      expect(a.updatedAt).toBeGreaterThanOrEqual(was.updatedAt);
    }
    const stays = await annotations.listByReport(next.id);
    expect(stays.map((a) => a.id).sort()).toEqual(['n1', 'u3']);
    expect(stays.find((a) => a.id === 'u3')?.note.text).toBe('移动后写的批注');
    const entry = await shelf.get(next.id);
    expect(entry?.previousEdition).toBe(prev.id);
    expect(entry?.editionCounts).toBeUndefined();
  });
});

describe('ShelfRepository.fileImport (a member’s file for a report that is not open)', () => {
  it('files the new annotations under that report; a report not on the shelf is null', async () => {
    const { shelf, annotations } = setup();
    const { serializeExchange, parseExchange } = await import('../../../shared/exchange');
    const r = await corpusReport('黑龙江省');
    await shelf.add(r);
    const theirs = { ...onReport(r, '大力发展绿电制氢'), author: '李四', id: 'li-1' };
    const text = serializeExchange({ exportedAt: 1, exportedBy: '李四', report: { id: r.id, title: r.title, fingerprint: r.fingerprint }, annotations: [theirs] });
    const file = parseExchange(text);
    if (!file.ok) throw new Error(file.error);
    const done = await shelf.fileImport(file.value);
    expect(done).toMatchObject({ entry: { id: r.id }, summary: { added: 1 }, held: 0 });
    expect((await annotations.listByReport(r.id)).map((a) => a.id)).toEqual(['li-1']);
    // Again: nothing new.
    expect((await shelf.fileImport(file.value))?.summary.added).toBe(0);
    expect(await shelf.fileImport({ ...file.value, report: { ...file.value.report, id: 'r-00000000ffff' } })).toBeNull();
  });
});
