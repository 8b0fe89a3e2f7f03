// @vitest-environment jsdom
/**
 * First screen first: a long report shows its first chunk at once and the rest in later tasks,
 * never losing a paragraph, a mark or a ✎ on the way; a jump (ensurePainted) gets a paragraph
 * not painted yet, with its mark, at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { segmentReport } from '../../../shared/report/segment';
import type { Report } from '../../../shared/report/model';
import { ReportPlugin } from '../../../renderer/reader/ReportPlugin';
import { RemarkNode, SegmentNode } from '../../../renderer/reader/segment-node';
import { ReaderMarkNode } from '../../../renderer/reader/reader-mark-node';
import type { MarkRange } from '../../../renderer/reader/paragraph-runs';
import { CHUNKS, chunkEnds, ensurePainted } from '../../../renderer/reader/progressive-paint';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no CSS.escape; the ids here need no escaping.
(globalThis as { CSS?: unknown }).CSS ??= { escape: (s: string) => s };

const corpus = join(__dirname, '../../../../shared/corpus/provincial-2026');
/** Three real reports in a row: ~70,000 characters, far more than one chunk. */
const source = ['浙江省', '安徽省', '湖北省'].map((p) => readFileSync(join(corpus, `2026_${p}_政府工作报告.txt`), 'utf8')).join('\n');
const report: Report = segmentReport(source, { id: 'long' });
const last = report.paragraphs.at(-1)!;
const mid = report.paragraphs[Math.floor(report.paragraphs.length / 2)];
const first = report.paragraphs[2];

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

const markOn = (id: string, p: { id: string; text: string }): [string, MarkRange[]] => [p.id, [{ id, start: 0, end: Math.min(6, p.text.length) }]];

function view(marks: Map<string, MarkRange[]>, notes: Set<string>, activeId: string | null = null): ReactNode {
  return createElement(
    LexicalComposer,
    { initialConfig: { namespace: 't', editable: false, nodes: [SegmentNode, RemarkNode, ReaderMarkNode], onError: (e: Error) => { throw e; } } },
    createElement(ContentEditable, { className: 'reader-content' }),
    createElement(ReportPlugin, { report, marks, colors: new Map([...marks.values()].flat().map((m) => [m.id, 'yellow'])), activeId, paragraphNotes: notes, flash: null }),
  );
}

const painted = () => container.querySelectorAll('[data-segment-id]').length;
const seg = (id: string) => container.querySelector<HTMLElement>(`[data-segment-id="${id}"]`);

describe('progressive paint of a long report', () => {
  it('splits the paragraphs into a first screen and later chunks, ending at the end', () => {
    const lengths = report.paragraphs.map((p) => p.text.length);
    const ends = chunkEnds(lengths);
    expect(ends.length).toBeGreaterThan(3);
    expect(ends.at(-1)).toBe(lengths.length);
    expect(lengths.slice(0, ends[0]).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(CHUNKS.first);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    expect(chunkEnds([])).toEqual([]);
    expect(chunkEnds([10, 10], { first: 1000, rest: 1000 })).toEqual([2]);
  });

  it('shows the first chunk at once, then every paragraph with its marks and ✎ in later tasks', async () => {
    const marks = new Map([markOn('a-first', first), markOn('a-mid', mid), markOn('a-last', last)]);
    act(() => root.render(view(marks, new Set([last.id]), 'a-last')));
    const shown = painted();
    expect(shown).toBe(chunkEnds(report.paragraphs.map((p) => p.text.length))[0]);
    expect(shown).toBeLessThan(report.paragraphs.length / 3);
    expect(container.querySelector('mark[data-annotation-id="a-first"]')).not.toBeNull();
    expect(seg(last.id)).toBeNull();
    // A mark added while the rest is still to come is drawn when its paragraph is.
    const more = new Map(marks);
    more.set(report.paragraphs.at(-2)!.id, [{ id: 'a-late', start: 0, end: 4 }]);
    act(() => root.render(view(more, new Set([last.id]), 'a-last')));
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(painted()).toBe(report.paragraphs.length);
    const texts = [...container.querySelectorAll<HTMLElement>('[data-segment-id]')].map((el) => el.dataset.segmentId);
    expect(texts).toEqual(report.paragraphs.map((p) => p.id));
    for (const id of ['a-first', 'a-mid', 'a-last', 'a-late']) expect(container.querySelector(`mark[data-annotation-id="${id}"]`)).not.toBeNull();
    expect(seg(last.id)!.hasAttribute('data-has-note')).toBe(true);
    expect(seg(last.id)!.querySelector('mark')!.classList.contains('active')).toBe(true);
  });

  it('paints a paragraph not shown yet, with everything before it and its mark, when a jump asks for it', () => {
    const marks = new Map([markOn('a-last', last)]);
    act(() => root.render(view(marks, new Set())));
    expect(seg(last.id)).toBeNull();
    ensurePainted(container, [last.id]);
    expect(painted()).toBe(report.paragraphs.length);
    expect(seg(last.id)!.querySelector('mark[data-annotation-id="a-last"]')!.textContent).toBe(last.text.slice(0, 6));
    // Nothing is painted twice by the chunks still scheduled.
    act(() => vi.runAllTimers());
    expect(painted()).toBe(report.paragraphs.length);
  });

  it('drops the chunks of a report that was replaced before they ran', () => {
    act(() => root.render(view(new Map(), new Set())));
    const other = segmentReport(readFileSync(join(corpus, '2026_上海市_政府工作报告.txt'), 'utf8'), { id: 'short' });
    act(() =>
      root.render(
        createElement(
          LexicalComposer,
          { initialConfig: { namespace: 't', editable: false, nodes: [SegmentNode, RemarkNode, ReaderMarkNode], onError: (e: Error) => { throw e; } } },
          createElement(ContentEditable, { className: 'reader-content' }),
          createElement(ReportPlugin, { report: other, marks: new Map(), colors: new Map(), activeId: null, paragraphNotes: new Set<string>(), flash: null }),
        ),
      ),
    );
    act(() => vi.runAllTimers());
    expect(painted()).toBe(other.paragraphs.length);
    expect([...container.querySelectorAll<HTMLElement>('[data-segment-id]')].map((el) => el.dataset.segmentId)).toEqual(other.paragraphs.map((p) => p.id));
  });
});
