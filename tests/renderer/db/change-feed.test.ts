// Must come first: Dexie looks up the global indexedDB when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { AnnotationRepository, type AnnotationFeed } from '../../../renderer/db/annotation-repository';
import { keysOfRangeSet } from '../../../renderer/db/annotation-repository';
import { annotationOn, report } from '../../shared/annotations/fixtures';
import { openDb } from './helpers';

describe('observeChangesByReport', () => {
  it('reads every row once, then only the rows written, by this or another connection', async () => {
    const db = openDb();
    const repo = new AnnotationRepository(db);
    const other = new AnnotationRepository(openDb(db.name)); // another window on the same profile
    const a = annotationOn('大力发展绿电制氢');
    const b = annotationOn('抢占未来竞争制高点');
    await repo.apply([{ kind: 'create', record: a }, { kind: 'create', record: b }]);
    const feeds: AnnotationFeed[] = [];
    const sub = repo.observeChangesByReport(report.id).subscribe({ next: (f) => feeds.push(f), error: (e) => { throw e; } });
    await vi.waitFor(() => expect(feeds).toHaveLength(1));
    expect(feeds[0]).toMatchObject({ kind: 'all' });
    expect((feeds[0] as { rows: unknown[] }).rows).toHaveLength(2);

    await other.apply([{ kind: 'patch', id: a.id, set: { color: 'red' } }]);
    await vi.waitFor(() => expect(feeds).toHaveLength(2));
    expect(feeds[1]).toMatchObject({ kind: 'some', gone: [], rows: [{ id: a.id, color: 'red' }] });

    await repo.apply([{ kind: 'replace', id: b.id, expected: b.updatedAt, record: null }]);
    await vi.waitFor(() => expect(feeds).toHaveLength(3));
    expect(feeds[2]).toEqual({ kind: 'some', rows: [], gone: [b.id] });

    // A bulk write names no keys (Dexie records a range): everything is read again.
    await db.annotations.bulkPut(Array.from({ length: 60 }, (_, i) => ({ ...annotationOn('深化城乡融合'), id: `bulk-${i}`, deleted: 0 as const })));
    await vi.waitFor(() => expect(feeds.at(-1)).toMatchObject({ kind: 'all' }));
    expect((feeds.at(-1) as { rows: unknown[] }).rows).toHaveLength(61);
    sub.unsubscribe();
  });

  it('names single keys of a range set, and null for a range', () => {
    expect(keysOfRangeSet({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null })).toEqual(['b', 'a']);
    expect(keysOfRangeSet({ d: 0 })).toEqual([]);
    expect(keysOfRangeSet({ from: 'a', to: 'z', d: 1 })).toBeNull();
    expect(keysOfRangeSet(undefined)).toEqual([]);
  });
});
