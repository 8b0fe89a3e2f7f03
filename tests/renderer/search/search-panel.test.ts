// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchPanel, shortTitle, snippet, type SearchPanelProps } from '../../../renderer/search/SearchPanel';
import { createInThreadBackend, type SearchBackend } from '../../../renderer/search/search-client';
import type { SearchFilters, SearchResponse, SearchResult } from '../../../shared/search/types';
import { bundledReport, notesOn } from '../../shared/search/fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const report = bundledReport();
const notes = notesOn(report);

let container: HTMLDivElement;
let root: Root;
let jumps: SearchResult[];
let hits: SearchResult[][];
let opens: boolean[];

/** Lets promises, timers and React settle: until the panel is neither indexing nor searching. */
async function flush() {
  for (let i = 0; i < 200; i++) {
    await act(async () => new Promise((r) => setTimeout(r, i < 5 ? 0 : 5)));
    const st = container.querySelector('[role=status]')?.textContent ?? '';
    if (i >= 4 && !st.startsWith('正在')) return;
  }
}

async function render(props: Partial<SearchPanelProps> = {}, backend: SearchBackend = createInThreadBackend()) {
  const all: SearchPanelProps = {
    report,
    notes,
    open: true,
    onOpenChange: (o) => opens.push(o),
    onJump: (r) => jumps.push(r),
    onHitsChange: (r) => hits.push(r),
    backend,
    ...props,
  };
  await act(async () => root.render(createElement(SearchPanel, all)));
  await flush();
}

const input = () => container.querySelector<HTMLInputElement>('input[type=search][aria-label="搜索"]')!;
const listbox = () => container.querySelector<HTMLElement>('[aria-label="搜索结果"]')!;
const options = () => [...listbox().querySelectorAll<HTMLElement>('[role=option]')];
const status = () => container.querySelector('[role=status]')!.textContent;

async function type(value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await flush();
}

async function key(k: string) {
  await act(async () => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

async function click(el: Element) {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await flush();
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  jumps = [];
  hits = [];
  opens = [];
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('SearchPanel', () => {
  it('type 煤炭 → results appear grouped, marked → ↓ Enter jumps to that sentence', async () => {
    await render();
    expect(document.activeElement).toBe(input());
    await type('煤炭');
    const opts = options();
    const oracle = report.paragraphs.flatMap((p) => p.sentences.filter((s) => p.text.slice(s.start, s.end).includes('煤炭')));
    const noteHits = notes.filter((n) => n.text.includes('煤炭')).length;
    expect(opts.length).toBe(oracle.length + noteHits);
    for (const o of opts) expect([...o.querySelectorAll('mark')].map((m) => m.textContent)).toContain('煤炭');
    // groups with counts and citation labels
    const heads = [...listbox().querySelectorAll('.yd-search-group-head')].map((h) => h.textContent);
    expect(heads.some((h) => h!.startsWith('三(二)') && h!.includes('处'))).toBe(true);
    expect(opts[0].textContent).toMatch(/^[一二三]/);
    // keyboard: first is active, ↓ moves, Enter jumps
    expect(input().getAttribute('aria-activedescendant')).toBe(opts[0].id);
    await key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(opts[1].id);
    expect(opts[1].getAttribute('aria-selected')).toBe('true');
    await key('Enter');
    expect(jumps).toHaveLength(1);
    const j = jumps[0];
    expect(j.sentenceId).toMatch(new RegExp(`^${j.paragraphId}\\.s\\d+$`));
    const p = report.paragraphs.find((x) => x.id === j.paragraphId)!;
    for (const [a, b] of j.paragraphRanges) expect(p.text.slice(a, b)).toBe('煤炭');
    // ↑ from the first wraps to the last
    await key('ArrowUp');
    await key('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(opts[opts.length - 1].id);
  });

  it('reports the listed hits for in-text marking, and [] when cleared or closed', async () => {
    await render();
    await type('营商环境');
    const last = hits[hits.length - 1];
    expect(last.filter((r) => r.source === 'report' && r.kind === 'exact')).toHaveLength(3);
    await type('');
    expect(hits[hits.length - 1]).toEqual([]);
    await type('营商环境');
    await render({ open: false });
    expect(hits[hits.length - 1]).toEqual([]);
    expect(container.querySelector('section')!.hidden).toBe(true);
  });

  it('Esc asks to close; the close button too', async () => {
    await render();
    await key('Escape');
    expect(opens).toEqual([false]);
    await click(container.querySelector('.yd-search-close')!);
    expect(opens).toEqual([false, false]);
  });

  it('says 无结果 and offers the closest phrase only when close; clicking it searches it', async () => {
    await render();
    await type('量子计算');
    expect(status()).toBe('无结果');
    expect(container.querySelector('.yd-search-suggestion')).toBeNull();
    await type('新能原');
    expect(status()).toBe('无结果');
    const sug = container.querySelector('.yd-search-suggestion')!;
    expect(sug.textContent).toBe('新能源');
    await click(sug);
    expect(input().value).toBe('新能源');
    expect(options().length).toBeGreaterThan(0);
  });

  it('filters: 正文 / 批注 scope and note colour', async () => {
    await render();
    await type('营商');
    const all = options().length;
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === '批注')!);
    const noteOpts = options();
    expect(noteOpts.length).toBe(2);
    expect(noteOpts.every((o) => o.classList.contains('note'))).toBe(true);
    await click(container.querySelector('[aria-label^="颜色：红"]')!);
    expect(options().length).toBe(1);
    expect(options()[0].textContent).toContain('李四');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === '正文')!);
    expect(options().length).toBe(all - 2);
    expect(options().some((o) => o.classList.contains('note'))).toBe(false);
  });

  it('filters notes by author and tag', async () => {
    await render();
    await type('营商');
    const author = container.querySelector<HTMLSelectElement>('select[aria-label="作者"]')!;
    await act(async () => {
      author.value = '王五';
      author.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(options().filter((o) => o.classList.contains('note')).map((o) => o.textContent)).toEqual([expect.stringContaining('王五')]);
    const tag = container.querySelector<HTMLSelectElement>('select[aria-label="标签"]')!;
    await act(async () => {
      author.value = '';
      author.dispatchEvent(new Event('change', { bubbles: true }));
      tag.value = '营商';
      tag.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(options().filter((o) => o.classList.contains('note')).map((o) => o.textContent)).toEqual([expect.stringContaining('李四')]);
  });

  it('discards stale responses: a slow answer to an old query never replaces a newer one', async () => {
    const inner = createInThreadBackend();
    const gates: { q: string; release: () => void }[] = [];
    const slow: SearchBackend = {
      ...inner,
      search: (q: string, f?: SearchFilters) =>
        new Promise<SearchResponse>((resolve) => {
          gates.push({ q, release: () => void inner.search(q, f).then(resolve) });
        }),
    };
    await render({}, slow);
    await type('煤');
    await type('煤炭');
    await type('营商环境');
    // one in flight (煤), the rest coalesced: only the latest is queued
    expect(gates.map((g) => g.q)).toEqual(['煤']);
    await act(async () => gates[0].release());
    await flush();
    expect(gates.map((g) => g.q)).toEqual(['煤', '营商环境']);
    expect(options()).toHaveLength(0); // the answer for 煤 was dropped
    await act(async () => gates[1].release());
    await flush();
    expect(options().every((o) => o.textContent!.includes('营商'))).toBe(true);
    expect(options().length).toBeGreaterThan(0);
  });

  it('does not search pinyin while an IME composition is under way', async () => {
    let calls = 0;
    const inner = createInThreadBackend();
    const counting: SearchBackend = { ...inner, search: (q, f) => (calls++, inner.search(q, f)) };
    await render({}, counting);
    await act(async () => input().dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true })));
    await type('meitan');
    expect(calls).toBe(0);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(input(), '煤炭');
      input().dispatchEvent(new Event('input', { bubbles: true }));
      input().dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '煤炭' }));
    });
    await flush();
    expect(calls).toBe(1);
    expect(options().length).toBeGreaterThan(0);
  });

  it('clicking a result jumps to it', async () => {
    await render();
    await type('绿电园区');
    await click(options()[0]);
    expect(jumps[0].text).toContain('绿电园区');
  });
});

describe('snippet', () => {
  const text = '甲'.repeat(200) + '营商环境' + '乙'.repeat(200);
  it('cuts long text around the first match with ellipses and marks it', () => {
    const parts = snippet(text, [[200, 204]]);
    expect(parts[0]).toBe('…');
    expect(parts[parts.length - 1]).toBe('…');
    const marks = parts.filter((p) => typeof p === 'object');
    expect(marks).toHaveLength(1);
  });
  it('keeps short text whole', () => {
    expect(snippet('推动煤炭绿色智能转型。', [[2, 4], [8, 10]]).filter((p) => typeof p === 'string').join('')).toBe('推动绿色智能。');
  });
});

describe('shortTitle', () => {
  it.each([
    ['三、2026年工作安排 › (二)坚持双碳引领、多能融合,构建新型能源体系。', '坚持双碳引领、多能融合，构建新型能源体系。'],
    ['二、“十五五”时期经济社会发展目标任务', '“十五五”时期经济社会发展目标任务'],
    ['前文（节选开头）', '前文（节选开头）'],
  ])('%s → %s', (title, expected) => {
    expect(shortTitle({ id: 'g', label: 'x', title, order: 0 })).toBe(expected);
  });
});
