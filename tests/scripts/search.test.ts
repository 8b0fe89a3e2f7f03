import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText, main, parseArgs } from '../../scripts/search';
import { bundledReport } from '../shared/search/fixture';

const ROOT = process.cwd();
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/search.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Row {
  paragraphId: string;
  sentenceId: string;
  label: string;
  text: string;
  ranges: [number, number][];
  score: number;
  kind: string;
}

describe('npm run search (spawned)', () => {
  it('--json prints the ranked results of the bundled report', () => {
    const { code, out, err } = cli('营商环境', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Row[];
    const report = bundledReport();
    const exact = rows.filter((r) => r.kind === 'exact');
    expect(exact.map((r) => r.sentenceId)).toEqual(['p1-0-7.s5', 'p2-5-1.s3', 'p3-6-2.s2']);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['paragraphId', 'sentenceId', 'label', 'text', 'ranges', 'score']));
      const p = report.paragraphs.find((x) => x.id === r.paragraphId)!;
      expect(p.label).toBe(r.label);
      expect(p.text).toContain(r.text);
    }
    for (const r of exact) for (const [a, b] of r.ranges) expect(r.text.slice(a, b)).toBe('营商环境');
    const scores = rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('searches another report with --report, readable Chinese list without --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yandu-search-'));
    const file = join(dir, '某市报告.txt');
    writeFileSync(file, '政府工作报告\n\n一、工作回顾\n\n过去一年，营商环境持续优化。数字经济加快发展。\n\n二、今年安排\n\n推进煤炭清洁高效利用，加快能源转型。\n');
    const { code, out } = cli('煤炭转型', '--report', file);
    expect(code).toBe(0);
    expect(out).toContain('共 1 处');
    expect(out).toContain('【煤炭】清洁高效利用，加快能源【转型】');
  });

  it('a bad report file is a clear error with exit code 2', () => {
    const missing = cli('营商', '--report', '/no/such/report.txt');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到报告文件');
    expect(missing.out).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'yandu-search-'));
    const bin = join(dir, 'x.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    const binary = cli('营商', '--report', bin);
    expect(binary.code).toBe(2);
    expect(binary.err).toContain('这是一张图片');
  });
});

describe('search CLI (in process)', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  };

  it.each([[[]], [['--json']], [['营商', '--scope', 'everything']], [['营商', '--limit', '-1']], [['营商', '--report']]])(
    'usage error for %j → exit 2 with usage',
    async (argv) => {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('用法');
    },
  );

  it('no hit: [] with --json, 无结果 and the closest phrase otherwise, exit 0', async () => {
    expect(JSON.parse((await run('量子计算', '--json')).out)).toEqual([]);
    const r = await run('新能原');
    expect(r.code).toBe(0);
    expect(r.out).toContain('无结果');
    expect(r.out).toContain('新能源');
  });

  it('--limit cuts the list but reports the total', async () => {
    const all = JSON.parse((await run('发展', '--json')).out) as Row[];
    const some = JSON.parse((await run('发展', '--json', '--limit', '3')).out) as Row[];
    expect(some).toEqual(all.slice(0, 3));
    expect((await run('发展', '--limit', '3')).out).toContain(`共 ${all.length} 处（列出前 3 处）`);
  });

  it('an empty report file is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yandu-search-'));
    const f = join(dir, 'empty.txt');
    writeFileSync(f, '\n\n');
    const r = await run('营商', '--report', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain('空白');
  });

  it('searches a GB18030 text like the app reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yandu-search-'));
    const f = join(dir, '记事本.txt');
    writeFileSync(f, iconv.encode('政府工作报告\r\n一、工作回顾\r\n推进煤炭清洁高效利用，加快能源转型。\r\n', 'gb18030'));
    const r = await run('煤炭', '--report', f);
    expect(r.code).toBe(0);
    expect(r.out).toContain('【煤炭】清洁高效利用');
  });

  it('parseArgs joins words of an unquoted multi-word query', () => {
    expect(parseArgs(['营商环境', '优化', '--json']).query).toBe('营商环境 优化');
  });

  it('formatText marks matched characters', () => {
    const text = formatText('煤炭', [
      { key: 'k', reportId: 'r', reportTitle: '长治市2026年政府工作报告', source: 'report', paragraphId: 'p', sentenceId: 'p.s1', label: '三(二)¶1', text: '推动煤炭绿色智能转型。', ranges: [[2, 4]], paragraphRanges: [[2, 4]], textStart: 0, score: 0, kind: 'exact', group: { id: 'g', label: '三(二)', title: '', order: 0 } },
    ], 1, []);
    expect(text).toBe('“煤炭”：共 1 处。\n1. 三(二)¶1 [精确] 推动【煤炭】绿色智能转型。');
  });
});

describe('search CLI over several reports (书架全部)', () => {
  it('searches a .txt and a .docx together; every result names its report, as the app’s worker gives them', async () => {
    const { makeDocx } = await import('../fixtures/formats/make-docx');
    const { cleanLines } = await import('../fixtures/formats/clean-report');
    const { readFileSync } = await import('node:fs');
    const { SearchEngine } = await import('../../shared/search/engine');
    const { loadReport } = await import('../../scripts/search');
    const corpus = resolve(ROOT, '../shared/corpus/provincial-2026');
    const dir = mkdtempSync(join(tmpdir(), 'yandu-cli-'));
    const shanxi = join(corpus, '2026_山西省_政府工作报告.txt');
    const docx = join(dir, '河北.docx');
    writeFileSync(docx, await makeDocx(cleanLines(readFileSync(join(corpus, '2026_河北省_政府工作报告.txt'), 'utf8')), '政府工作报告'));
    let out = '';
    const code = await main(['营商环境', '--report', shanxi, '--report', docx, '--json'], (s) => (out += s), () => 0);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as (Row & { reportId: string; reportTitle: string; group: string })[];
    const titles = [...new Set(rows.map((r) => r.reportTitle))];
    expect(titles).toEqual(['2026年山西省政府工作报告', '2026年河北省政府工作报告']);
    expect(rows.every((r) => /^r-[0-9a-f]+$/.test(r.reportId))).toBe(true);
    // Same results as the app's engine over the same two reports.
    const engine = new SearchEngine();
    engine.setReports([await loadReport(shanxi), await loadReport(docx)]);
    const app = engine.search('营商环境', { scope: 'all' }).results;
    expect(rows.map((r) => [r.reportId, r.sentenceId, r.kind])).toEqual(app.map((r) => [r.reportId, r.sentenceId, r.kind]));
    // Grouped by report: exact hits of 山西 all come before those of 河北.
    const exact = rows.filter((r) => r.kind === 'exact').map((r) => r.reportTitle);
    expect(exact).toEqual([...exact].sort((a, b) => titles.indexOf(a) - titles.indexOf(b)));
    let text = '';
    await main(['营商环境', '--report', shanxi, '--report', docx], (s) => (text += s), () => 0);
    expect(text).toContain('《2026年山西省政府工作报告》');
    expect(text).toContain('《2026年河北省政府工作报告》');
  });
});
