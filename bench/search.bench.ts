/**
 * Search latency and quality, side by side in one run:
 *  - yandu: shared/search SearchEngine (bigram index → exact / all-words / Fuse.match on windows)
 *  - naive Fuse.js: `new Fuse(paragraphs, {ignoreLocation: true, threshold: 0.3, …}).search(q)`
 *  - includes: a plain `String.includes` scan over the normalised paragraphs (floor for exact)
 * on the bundled report and on a ~1 M-character corpus (bundled + the 16 provincial reports in
 * ../shared/corpus/provincial-2026, topped up with shuffled sentences of them).
 *
 * Naive Fuse is far too slow to run every query many times on the large corpus (and chunks
 * patterns over 32 characters into one full scan per chunk), so there it runs once per query on
 * the queries of ≤ 32 characters only; the table says how many queries each row has.
 * yandu is timed as the search panel calls it (`limit: 200` materialised results; totals and
 * group counts still cover every hit); recall is measured without a limit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { printTable, ratio, stats, type Row, type Stats } from './lib';
import { segmentReport } from '../shared/report/segment';
import type { Report } from '../shared/report/model';
import { SearchEngine } from '../shared/search/engine';
import { normalizeForSearch, normalizeQuery } from '../shared/search/normalize';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLED = join(here, '../resources/reports/changzhi-2026/source.txt');
const CORPUS_DIR = join(here, '../../shared/corpus/provincial-2026');
const TARGET_CHARS = 1_000_000;

type Category = '2-char' | '4-char' | '6-10 char' | 'typo' | 'words apart' | '>32 char' | 'no hit' | 'metachar';
interface Query {
  q: string;
  cat: Category;
  /** Typo queries: a phrase the intended sentence contains. */
  intended?: string;
}

function buildQueries(bundled: Report): Query[] {
  const para = (start: string) => {
    const p = bundled.paragraphs.find((x) => x.text.includes(start));
    if (!p) throw new Error(`bench assumption: bundled report contains ${start}`);
    return p.text.slice(p.text.indexOf(start));
  };
  let paste = para('改造升级传统产业');
  while (paste.length < 10_000) paste += paste;
  const qs: Query[] = [
    ...['发展', '煤炭', '绿电', '营商', '民生', '消费', '农业', '文旅'].map((q) => ({ q, cat: '2-char' as const })),
    ...['营商环境', '数字经济', '城市更新', '乡村振兴', '科技创新', '新质生产力', '低空经济', '人工智能', '招商引资'].map((q) => ({
      q,
      cat: '4-char' as const,
    })),
    ...['推动煤炭绿色智能转型', '新能源和清洁能源装机', '全国统一大市场', '打造市场化、法治化', '持续扩大内需', '高新技术企业达到400家'].map(
      (q) => ({ q, cat: '6-10 char' as const }),
    ),
    { q: '营商坏境', cat: 'typo', intended: '营商环境' },
    { q: '数字经纪', cat: 'typo', intended: '数字经济' },
    { q: '煤碳先进产能', cat: 'typo', intended: '煤炭先进产能' },
    { q: '森林复盖率', cat: 'typo', intended: '森林覆盖率' },
    { q: '培育壮大新兴产叶', cat: 'typo', intended: '培育壮大新兴产业' },
    { q: '新认定国家高新技木企业', cat: 'typo', intended: '新认定国家高新技术企业' },
    { q: '太行一号旅游公路全线贯穿', cat: 'typo', intended: '太行一号旅游公路全线贯通' },
    { q: '滨湖生态新区建没', cat: 'typo', intended: '滨湖生态新区建设' },
    ...['煤炭转型', '新能源装机', '营商环境 优化', '中欧班列 海陆联运', '十五五规划', '民营企业 座谈会'].map((q) => ({
      q,
      cat: 'words apart' as const,
    })),
    { q: para('推动煤炭绿色智能转型').slice(0, 40), cat: '>32 char' },
    { q: para('多措并举促消费').slice(0, 64), cat: '>32 char' },
    { q: para('持续发力上项目').slice(0, 33).replace('继续', '继绪'), cat: '>32 char' },
    { q: paste.slice(0, 10_000), cat: '>32 char' },
    ...['恐龙化石公园', '航空母舰编队', 'blockchain', '火星探测基地'].map((q) => ({ q, cat: 'no hit' as const })),
    ...["'营商", '营商|环境', '(一)', '.*'].map((q) => ({ q, cat: 'metachar' as const })),
  ];
  return qs;
}

/** Seeded PRNG (mulberry32), so the topped-up corpus is the same every run. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCorpus(bundled: Report): { reports: Report[]; chars: number; real: number } {
  const reports = [bundled];
  if (existsSync(CORPUS_DIR)) {
    for (const f of readdirSync(CORPUS_DIR).filter((x) => x.endsWith('.txt')).sort()) {
      reports.push(segmentReport(readFileSync(join(CORPUS_DIR, f), 'utf8'), { id: f.replace(/\.txt$/, '') }));
    }
  }
  const count = (rs: Report[]) => rs.reduce((n, r) => n + r.paragraphs.reduce((m, p) => m + p.text.length, 0), 0);
  const real = count(reports);
  const sentences = reports.flatMap((r) => r.paragraphs.flatMap((p) => p.sentences.map((s) => p.text.slice(s.start, s.end))));
  const rand = rng(2026);
  let chars = real;
  let n = 0;
  while (chars < TARGET_CHARS) {
    // filler reports of shuffled sentences: one part, paragraphs of 6 sentences
    const paras: string[] = [];
    let size = 0;
    while (size < 100_000 && chars + size < TARGET_CHARS) {
      let p = '';
      for (let i = 0; i < 6; i++) p += sentences[Math.floor(rand() * sentences.length)];
      paras.push(p);
      size += p.length;
    }
    const src = `填充语料${++n}\n\n一、混排\n\n${paras.join('\n\n')}`;
    const r = segmentReport(src, { id: `filler-${n}` });
    reports.push(r);
    chars += count([r]);
  }
  return { reports, chars: count(reports), real };
}

interface Corpus {
  name: string;
  reports: Report[];
  chars: number;
}

/**
 * Median over `n` runs of `fn`: wall ms and CPU ms (process.cpuUsage, this process's threads).
 * On the shared machine a run often waits for a core; CPU time does not count that wait, so
 * the CPU column compares engine and baseline even when the load average is 15–20.
 */
export function medianTimes(fn: () => unknown, n: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export default async function run(): Promise<void> {
  const t0 = performance.now();
  console.log(`\nload average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs (shared machine: expect noise)`);
  const bundled = segmentReport(readFileSync(BUNDLED, 'utf8'), { id: 'changzhi-2026' });
  const queries = buildQueries(bundled);
  const large = buildCorpus(bundled);
  const corpora: Corpus[] = [
    { name: 'bundled', reports: [bundled], chars: bundled.paragraphs.reduce((n, p) => n + p.text.length, 0) },
    { name: 'large', reports: large.reports, chars: large.chars },
  ];
  console.log(
    `\n${queries.length} queries (${[...new Set(queries.map((q) => q.cat))].map((c) => `${c}: ${queries.filter((q) => q.cat === c).length}`).join(', ')}).` +
      ` Large corpus: ${large.reports.length} reports, ${large.chars.toLocaleString()} chars (${large.real.toLocaleString()} real, rest shuffled sentences).`,
  );

  const latencyRows: Row[] = [];
  const qualityRows: Row[] = [];
  const catRows: Row[] = [];
  for (const c of corpora) {
    const paragraphs = c.reports.flatMap((r) => r.paragraphs.map((p) => ({ key: `${r.id}\n${p.id}`, text: p.text })));
    const normTexts = paragraphs.map((p) => normalizeForSearch(p.text).text);

    const engine = new SearchEngine();
    const buildMs = time(() => engine.setReports(c.reports));
    let fuse!: Fuse<string>;
    const fuseBuildMs = time(
      () =>
        (fuse = new Fuse(
          paragraphs.map((p) => p.text),
          { ignoreLocation: true, threshold: 0.3, includeMatches: true, minMatchCharLength: 2 },
        )),
    );

    // Per-query latency = median of `reps` runs (the machine is shared: single runs pick up
    // scheduler stalls); p50/p95 are then taken across the queries.
    const reps = c.name === 'bundled' ? 5 : 3;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perQuery = (fn: () => unknown, n: number) => median(Array.from({ length: n }, () => time(fn)));
    const UI = { limit: 200 };
    for (const q of queries) engine.search(q.q, UI); // warm-up
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const byCat = new Map<Category, number[]>();
    for (const q of queries) {
      const { wall: ms, cpu } = medianTimes(() => engine.search(q.q, UI), reps);
      ours.push(ms);
      oursCpu.push(cpu);
      if (!byCat.has(q.cat)) byCat.set(q.cat, []);
      byCat.get(q.cat)!.push(ms);
    }
    if (process.env.BENCH_VERBOSE) console.log(c.name, queries.map((q, i) => `${q.q.slice(0, 12)}:${ours[i].toFixed(2)}`).join(' '));
    // includes scan over normalised paragraphs (the floor for exact matching)
    const incl: number[] = [];
    const inclCpu: number[] = [];
    for (const q of queries) {
      const nq = normalizeQuery(q.q);
      const { wall, cpu } = medianTimes(() => normTexts.filter((t) => t.includes(nq)), reps);
      incl.push(wall);
      inclCpu.push(cpu);
    }
    // naive Fuse: bundled all queries (≤ 200 chars) median of 3; large: one run per query of ≤ 32 chars
    const fuseQueries = c.name === 'bundled' ? queries.filter((q) => q.q.length <= 200) : queries.filter((q) => q.q.length <= 32);
    const fuseReps = c.name === 'bundled' ? 3 : 1;
    const naive: number[] = [];
    for (const q of fuseQueries) naive.push(perQuery(() => fuse.search(q.q), fuseReps));

    const so = stats(ours);
    const sf = stats(naive);
    const si = stats(incl);
    const row = (name: string, s: Stats, build: number | string): Row => ({
      corpus: `${c.name} (${Math.round(c.chars / 1000)}k chars)`,
      engine: name,
      queries: s.n,
      'build ms': build,
      'p50 ms': s.p50,
      'p95 ms': s.p95,
      'max ms': s.max,
    });
    latencyRows.push(
      {
        ...row('yandu (bigram + Fuse.match windows)', so, buildMs),
        'p95 vs naive Fuse': ratio(sf.p95, so.p95) + ' faster',
        'p95 vs includes': ratio(so.p95, si.p95) + ' of',
        'CPU p95 ms': stats(oursCpu).p95,
        'CPU p95 vs includes': ratio(stats(oursCpu).p95, stats(inclCpu).p95) + ' of',
      },
      { ...row('naive Fuse.js (whole paragraphs)', sf, fuseBuildMs), 'p95 vs naive Fuse': '1.0×', 'p95 vs includes': ratio(sf.p95, si.p95) + ' of' },
      { ...row('String.includes scan', si, '-'), 'p95 vs naive Fuse': ratio(sf.p95, si.p95) + ' faster', 'p95 vs includes': '1.0×', 'CPU p95 ms': stats(inclCpu).p95, 'CPU p95 vs includes': '1.0×' },
    );
    for (const [cat, samples] of byCat) {
      const s = stats(samples);
      catRows.push({ corpus: c.name, category: cat, 'p50 ms': s.p50, 'p95 ms': s.p95, 'max ms': s.max });
    }

    // quality: exact recall against the includes scan; typo intended sentence in the top 3
    let expectedHits = 0;
    let foundHits = 0;
    for (const q of queries) {
      const nq = normalizeQuery(q.q);
      const expected = new Set(paragraphs.filter((_, i) => normTexts[i].includes(nq)).map((p) => p.key));
      const res = engine.search(q.q, { scope: 'report' });
      const got = new Set(res.results.filter((r) => r.kind === 'exact').map((r) => `${r.reportId}\n${r.paragraphId}`));
      expectedHits += expected.size;
      for (const k of expected) if (got.has(k)) foundHits++;
    }
    const typos = queries.filter((q) => q.intended);
    const inTop3 = typos.filter((q) => engine.search(q.q).results.slice(0, 3).some((r) => r.text.includes(q.intended!)));
    const missed = typos.filter((q) => !inTop3.includes(q)).map((q) => q.q);
    const noHit = queries.filter((q) => q.cat === 'no hit');
    const noHitClean = noHit.filter((q) => engine.search(q.q).total === 0);
    qualityRows.push({
      corpus: c.name,
      'exact recall vs includes': `${foundHits}/${expectedHits} (${((100 * foundHits) / Math.max(1, expectedHits)).toFixed(1)}%)`,
      'typo intended in top 3': `${inTop3.length}/${typos.length}${missed.length ? ` (missed: ${missed.join(' ')})` : ''}`,
      'no-hit queries with 0 results': `${noHitClean.length}/${noHit.length}`,
    });
  }

  printTable(`search latency per query (median of repeated runs; ms; load average ${loadavg()[0].toFixed(1)}), goals: p95 ≤ 16 bundled, ≤ 50 large, ≥ 10× faster than naive Fuse on large, ≤ 3× includes on large`, latencyRows);
  printTable('yandu search latency by query category (ms)', catRows);
  printTable('search quality', qualityRows);
  console.log(`\nsearch bench total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// Allow `tsx bench/search.bench.ts` directly as well as through bench/run.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void run();
