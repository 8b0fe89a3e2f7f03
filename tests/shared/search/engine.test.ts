import Fuse from 'fuse.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchEngine, searchReport } from '../../../shared/search/engine';
import { normalizeForSearch } from '../../../shared/search/normalize';
import type { SearchResponse, SearchResult } from '../../../shared/search/types';
import { bundledReport, notesOn, paragraphWith } from './fixture';

const report = bundledReport();
const engine = new SearchEngine();
engine.setReport(report);
engine.setNotes(notesOn(report));

const norm = (s: string) => normalizeForSearch(s).text;
const marked = (r: SearchResult) => r.ranges.map(([a, b]) => r.text.slice(a, b));
const paragraph = (id: string) => report.paragraphs.find((p) => p.id === id)!;
const sentence = (id: string) => {
  const p = paragraph(id.slice(0, id.lastIndexOf('.')));
  const s = p.sentences.find((x) => x.id === id)!;
  return p.text.slice(s.start, s.end);
};

/** Oracle: sentences (by id) where the query starts, counted with a plain indexOf scan. */
function oracle(query: string): Map<string, number> {
  const q = norm(query);
  const out = new Map<string, number>();
  for (const p of report.paragraphs) {
    const t = norm(p.text); // report text normalises one-to-one, so offsets agree
    for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) {
      const s = p.sentences.find((x) => i >= x.start && i < x.end)!;
      out.set(s.id, (out.get(s.id) ?? 0) + 1);
    }
  }
  return out;
}

function reportHits(res: SearchResponse, kind?: SearchResult['kind']) {
  return res.results.filter((r) => r.source === 'report' && (!kind || r.kind === kind));
}

describe('exact hits: all of them, ranked first', () => {
  it.each(['营商环境', '发展', '新质生产力', '数字经济', '绿电', 'PM2.5', 'pm2.5', 'ＰＭ２．５', 'PM_{2.5}', '“十五五”', '"十五五"', '１０００万千瓦', 'GDP', '能源', '煤', '%', '太行一号旅游公路全线贯通'])(
    '%s: every occurrence found (vs an indexOf scan)',
    (q) => {
      const res = engine.search(q, { scope: 'report' });
      const expected = oracle(q);
      expect(expected.size).toBeGreaterThan(0);
      const exact = reportHits(res, 'exact');
      expect(new Set(exact.map((r) => r.sentenceId))).toEqual(new Set(expected.keys()));
      for (const r of exact) {
        expect(r.ranges.length).toBe(expected.get(r.sentenceId!));
        for (const m of marked(r)) expect(norm(m)).toBe(norm(q));
        // paragraph offsets point at the same characters
        const p = paragraph(r.paragraphId);
        for (const [a, b] of r.paragraphRanges) expect(norm(p.text.slice(a, b))).toBe(norm(q));
        expect(p.text.slice(r.textStart, r.textStart + r.text.length)).toBe(r.text);
      }
      // exact first
      const firstOther = res.results.findIndex((r) => r.kind !== 'exact');
      if (firstOther >= 0) expect(res.results.slice(firstOther).every((r) => r.kind !== 'exact')).toBe(true);
    },
  );

  it('counts 营商环境 as in the text: 4 occurrences in 3 sentences', () => {
    const exact = reportHits(engine.search('营商环境'), 'exact');
    expect(exact.map((r) => r.sentenceId)).toEqual(['p1-0-7.s5', 'p2-5-1.s3', 'p3-6-2.s2']);
    expect(exact.reduce((n, r) => n + r.ranges.length, 0)).toBe(4);
  });

  it('exact hits come in reading order', () => {
    const exact = reportHits(engine.search('发展'), 'exact');
    const order = exact.map((r) => report.paragraphs.findIndex((p) => p.id === r.paragraphId));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('finds a phrase that runs across two sentences, marking it whole in paragraph offsets', () => {
    const q = '多措并举促消费。深入实施';
    const [r] = engine.search(q).results;
    expect(r.kind).toBe('exact');
    expect(r.text).toBe('多措并举促消费。');
    const p = paragraph(r.paragraphId);
    expect(p.text.slice(...r.paragraphRanges[0])).toBe(q);
    expect(marked(r)).toEqual(['多措并举促消费。']);
  });
});

describe('multi-word: every word in one sentence', () => {
  it.each([
    ['煤炭转型', '推动煤炭绿色智能转型。'],
    ['煤炭 转型', '推动煤炭绿色智能转型。'],
    ['新能源装机', '新能源和清洁能源装机占比达到43%以上'],
    ['营商环境 优化', '营商环境还需持续优化'],
    ['十五五规划', '2026年是“十五五”规划的开局之年'],
    ['中欧班列 海陆联运', '巩固提升中欧班列、海陆联运效能'],
  ])('%s → a sentence containing %s', (q, inSentence) => {
    const res = engine.search(q, { scope: 'report' });
    const top = res.results.slice(0, 3);
    expect(top.some((r) => r.text.includes(inSentence))).toBe(true);
    for (const r of res.results.filter((x) => x.kind === 'all-words')) {
      for (const w of res.words) expect(norm(r.text)).toContain(w);
      expect(marked(r).map(norm).every((m) => res.words.includes(m))).toBe(true);
    }
    expect(res.words.length).toBeGreaterThanOrEqual(2);
  });

  it('ranks tighter sentences first', () => {
    const hits = engine.search('新能源装机', { scope: 'report' }).results.filter((r) => r.kind === 'all-words');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    const scores = hits.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });
});

describe('near misses through Fuse.js', () => {
  it.each([
    ['营商坏境', '营商环境'],
    ['数字经纪', '数字经济'],
    ['煤碳先进产能', '煤炭先进产能'],
    ['森林复盖率', '森林覆盖率'],
    ['培育壮大新兴产叶', '培育壮大新兴产业'],
    ['新认定国家高新技木企业', '新认定国家高新技术企业'],
    ['打造市场化法制化', '打造市场化、法治化'],
  ])('%s finds %s in the top 3, marked', (q, intended) => {
    const res = engine.search(q, { scope: 'report' });
    const top = res.results.slice(0, 3);
    const hit = top.find((r) => r.text.includes(intended));
    expect(hit, JSON.stringify(top.map((r) => r.text))).toBeDefined();
    expect(hit!.kind).not.toBe('exact');
    expect(marked(hit!).join('')).toContain(intended.slice(0, 2));
  });

  it('keeps noise out: every near miss of 营商坏境 is an 营商环境 sentence', () => {
    const res = engine.search('营商坏境', { scope: 'report' });
    expect(res.results.length).toBe(3);
    for (const r of res.results) {
      expect(new Set(marked(r))).toEqual(new Set(['营商环境']));
      // every near miss in the sentence is marked, not only the best one
      expect(marked(r).length).toBe(r.text.split('营商环境').length - 1);
    }
  });

  it.each(['营商环境', '发展', '新能源', '煤炭'])('an exact query (%s) brings no unrelated near misses', (q) => {
    const res = engine.search(q, { scope: 'report' });
    for (const r of res.results.filter((x) => x.kind === 'fuzzy')) {
      // a near miss shares most of the query's characters in its marked span
      const m = norm(marked(r).join(''));
      const shared = [...norm(q)].filter((c) => m.includes(c)).length;
      expect(shared).toBeGreaterThanOrEqual(Math.ceil(q.length * 0.7));
    }
  });

  it('never hands Fuse a pattern longer than 32 characters', () => {
    const spy = vi.spyOn(Fuse, 'match');
    const longQ = report.text.slice(0, 10_000);
    engine.search(longQ);
    engine.search('坚持优质高效扩能提质推动适度多元发展加快特优农业提质增效以工业化思维推动涉农产业链发展');
    for (const call of spy.mock.calls) expect((call[0] as string).length).toBeLessThanOrEqual(32);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    spy.mockRestore();
  });
});

describe('no hit', () => {
  it.each(['量子计算', '航空母舰编队', 'blockchain', '新能源装鸡'])('%s: nothing, and no far-fetched suggestion', (q) => {
    const res = engine.search(q);
    expect(res.results).toEqual([]);
    expect(res.total).toBe(0);
    expect(res.closest).toEqual([]);
  });

  it.each([
    ['新能原', '新能源'],
    ['绿电院区', '绿电园区'],
  ])('%s: nothing within the threshold, but %s is offered as closest', (q, close) => {
    const res = engine.search(q);
    if (res.results.length === 0) expect(res.closest).toContain(close);
    else expect(res.results[0].text).toContain(close);
  });
});

describe('any input is safe', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['', ' ', '\t\n', '\u3000', '。', ',,,', '!', "'", '^', '=', '|', '*', '(', ')', '[', '\\', '$', '.*', "'营商", '!营商', '^营商', '营商$', '=营商环境', '营商|环境', '(营商', '营商*', '[a-z]+', '\\d+', '\u0000', '😀😀'])(
    '%j',
    (q) => {
      let res!: SearchResponse;
      expect(() => (res = engine.search(q))).not.toThrow();
      for (const r of res.results.filter((x) => x.kind === 'exact')) expect(norm(r.text)).toContain(norm(q).trim());
      for (const r of res.results) for (const [a, b] of r.ranges) expect(b).toBeGreaterThan(a);
    },
  );

  it.each(['', '  ', '\n\t'])('%j (empty or whitespace) gives no results', (q) => {
    const res = engine.search(q);
    expect(res.results).toEqual([]);
    expect(res.closest).toEqual([]);
  });

  it.each(['。', '(', '%', '“', '!', '|', '。。。', '——'])('%j (punctuation only) gives its literal hits only', (q) => {
    const res = engine.search(q, { scope: 'report' });
    const expected = oracle(q);
    expect(new Set(res.results.map((r) => r.sentenceId))).toEqual(new Set(expected.keys()));
    expect(res.results.every((r) => r.kind === 'exact')).toBe(true);
    expect(res.closest).toEqual([]);
  });

  it('treats extended-search syntax literally: ^营商 finds 营商 sentences, not an anchored search', () => {
    const res = engine.search('^营商', { scope: 'report' });
    expect(res.results.length).toBe(3);
    expect(res.results.every((r) => r.text.includes('营商'))).toBe(true);
    expect(res.results.every((r) => r.kind !== 'exact')).toBe(true);
  });

  it('searches a pasted paragraph of 10,000 characters as an exact phrase first, quickly', () => {
    const p = paragraphWith(report, '改造升级传统产业');
    let paste = p.text;
    while (paste.length < 10_000) paste += paste;
    paste = paste.slice(0, 10_000);
    const t0 = performance.now();
    const res = engine.search(paste);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res.results.length).toBeGreaterThan(0);

    const whole = engine.search(p.text);
    expect(whole.results[0].kind).toBe('exact');
    expect(whole.results[0].paragraphId).toBe(p.id);
    expect(whole.results[0].paragraphRanges).toEqual([[0, p.text.length]]);
  });

  it('a paste spanning paragraphs finds each paragraph it covers', () => {
    const i = report.paragraphs.findIndex((p) => p.text.startsWith('多措并举促消费'));
    const paste = report.paragraphs.slice(i, i + 3).map((p) => p.text).join('\r\n\r\n');
    const res = engine.search(paste);
    const ids = new Set(res.results.filter((r) => r.kind === 'exact').map((r) => r.paragraphId));
    for (const p of report.paragraphs.slice(i, i + 3)) expect(ids).toContain(p.id);
  });
});

describe('notes and filters', () => {
  it('finds note text with the same normalisation (ＰＭ２．５ in a note, PM2.5 typed)', () => {
    const res = engine.search('PM2.5');
    const note = res.results.find((r) => r.source === 'note');
    expect(note?.annotationId).toBe('a-coal');
    expect(note!.text.slice(...note!.ranges[0])).toBe('ＰＭ２．５');
    expect(note!.paragraphRanges).toEqual([]);
    expect(note!.textStart).toBe(-1);
  });

  it('puts a note in the group of its paragraph and names its sentence', () => {
    const res = engine.search('煤炭转型');
    const note = res.results.find((r) => r.annotationId === 'a-coal')!;
    expect(note.kind).toBe('exact');
    expect(note.group.label).toBe('三(二)');
    expect(note.sentenceId).toBe('p3-2-1.s2');
    expect(note.label).toBe(paragraph('p3-2-1').label);
  });

  it.each([
    [{ scope: 'report' as const }, ['report']],
    [{ scope: 'notes' as const }, ['note']],
    [{ scope: 'all' as const }, ['report', 'note']],
    [{}, ['report', 'note']],
  ])('scope %j', (filters, sources) => {
    const res = engine.search('营商', filters);
    expect([...new Set(res.results.map((r) => r.source))].sort()).toEqual([...sources].sort());
  });

  it.each([
    [{ colors: ['red' as const] }, ['a-biz']],
    [{ colors: ['blue' as const, 'red' as const] }, ['a-biz', 'a-orphan']],
    [{ tags: ['营商'] }, ['a-biz']],
    [{ authors: ['王五'] }, ['a-orphan']],
    [{ authors: ['张三'] }, []],
    [{}, ['a-biz', 'a-orphan']],
  ])('note filter %j', (f, ids) => {
    const res = engine.search('营商', { scope: 'notes', ...f });
    expect(res.results.map((r) => r.annotationId).sort()).toEqual(ids);
  });

  it('note filters do not hide report text', () => {
    const res = engine.search('营商', { scope: 'all', authors: ['nobody'] });
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.every((r) => r.source === 'report')).toBe(true);
  });

  it('gives a note on an unknown paragraph its own group', () => {
    const r = engine.search('营商批注', { scope: 'notes' }).results[0];
    expect(r.annotationId).toBe('a-orphan');
    expect(r.group.label).toBe('批注');
  });

  it('setNotes replaces the notes', () => {
    const e = new SearchEngine();
    e.setReport(report);
    e.setNotes(notesOn(report));
    expect(e.search('核实', { scope: 'notes' }).total).toBe(1);
    e.setNotes([]);
    expect(e.search('核实', { scope: 'notes' }).total).toBe(0);
  });
});

describe('groups and result shape', () => {
  it('groups by part/item with counts that add up, titled from the outline', () => {
    const res = engine.search('发展');
    expect(res.groups.reduce((n, g) => n + g.count, 0)).toBe(res.total);
    for (const g of res.groups) expect(g.count).toBe(res.results.filter((r) => r.group.id === g.group.id).length);
    const g = res.groups.find((x) => x.group.label === '三(六)')!;
    expect(g.group.title).toContain('三、2026年工作安排');
    expect(g.group.title).toContain('坚持改革攻坚');
    expect(res.groups.find((x) => x.group.label === '一')).toBeDefined();
  });

  it('orders groups: those with exact hits first, then reading order', () => {
    const res = engine.search('营商环境 优化');
    const kinds = res.groups.map((g) => res.results.find((r) => r.group.id === g.group.id)!.kind);
    const rank = { exact: 0, 'all-words': 1, fuzzy: 2 };
    expect(kinds.map((k) => rank[k])).toEqual([...kinds.map((k) => rank[k])].sort());
  });

  it('limit cuts the results but not the totals', () => {
    const all = engine.search('发展');
    const some = engine.search('发展', { limit: 5 });
    expect(some.results).toEqual(all.results.slice(0, 5));
    expect(some.total).toBe(all.total);
    expect(some.groups).toEqual(all.groups);
  });

  it('gives sentence text, ranges inside it, and a sentence id of the paragraph', () => {
    for (const r of engine.search('能源', { scope: 'report' }).results) {
      expect(r.sentenceId!.startsWith(`${r.paragraphId}.s`)).toBe(true);
      expect(sentence(r.sentenceId!)).toBe(r.text);
      for (const [a, b] of r.ranges) {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(r.text.length);
      }
      expect(r.paragraphRanges.map(([a, b]) => [a - r.textStart, b - r.textStart])).toEqual(r.ranges);
    }
  });

  it('searchReport is the one-shot form of the engine', () => {
    expect(searchReport(report, '营商环境').results).toEqual(engine.search('营商环境', { scope: 'report' }).results);
  });

  it('searches several reports together, telling them apart', () => {
    const e = new SearchEngine();
    e.setReports([report, { ...report, id: 'copy' }]);
    const res = e.search('营商环境');
    expect(res.results.filter((r) => r.kind === 'exact').map((r) => r.reportId)).toEqual([
      'changzhi-2026', 'changzhi-2026', 'changzhi-2026', 'copy', 'copy', 'copy',
    ]);
    expect(new Set(res.results.map((r) => r.key)).size).toBe(res.results.length);
  });

  it('an engine without a report answers with nothing', () => {
    expect(new SearchEngine().search('发展').results).toEqual([]);
  });
});

describe('bracketed and quoted queries', () => {
  it('(一) finds the item headings written (一) or （一）, not every sentence with 一', () => {
    const res = engine.search('(一)', { scope: 'report' });
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.every((r) => r.kind === 'exact')).toBe(true);
    const full = new SearchEngine();
    full.setReport({ ...report, paragraphs: report.paragraphs.map((p) => ({ ...p, text: p.text.replace(/\(/g, '（').replace(/\)/g, '）') })) });
    expect(full.search('(一)').results.map((r) => r.sentenceId)).toEqual(res.results.map((r) => r.sentenceId));
  });
});
