/**
 * The ingest CLI, spawned as users and scripts run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanLines, cleanText } from '../fixtures/formats/clean-report';
import { makeDocx } from '../fixtures/formats/make-docx';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const bundled = join(root, 'resources/reports/changzhi-2026/source.txt');
const corpusFile = resolve(root, '../shared/corpus/provincial-2026/2026_山西省_政府工作报告.txt');
const scratch = mkdtempSync(join(tmpdir(), 'yandu-ingest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ingest(...args: string[]) {
  const r = spawnSync(tsx, ['scripts/ingest.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratchFile(name: string, content: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

interface IngestJson {
  id: string;
  title: string;
  continuesFrom: string | null;
  continuesOn: string | null;
  outline: { level: number; title: string; paragraphId: string }[];
  paragraphs: { id: string; label: string; kind: string; text: string; sentences: { id: string; start: number; end: number }[] }[];
  repairs: { kind: string; paragraphId: string; detail: string }[];
  remarks: { paragraphId: string; start: number; end: number; note: string }[];
}

describe('ingest --json on the bundled report', () => {
  const r = ingest(bundled, '--json');
  const json = JSON.parse(r.stdout) as IngestJson;

  it('exits 0 with only JSON on stdout', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('has the promised top-level fields', () => {
    expect(json).toMatchObject({ id: 'changzhi-2026', title: '长治市2026年政府工作报告', continuesFrom: '第一版', continuesOn: '第四版' });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['title', 'continuesFrom', 'continuesOn', 'outline', 'paragraphs', 'repairs', 'remarks']));
  });

  it('has an outline of parts, items and leads pointing at paragraphs', () => {
    const ids = new Set(json.paragraphs.map((p) => p.id));
    expect(json.outline.map((o) => o.level)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(json.outline.every((o) => ids.has(o.paragraphId))).toBe(true);
    expect(json.outline.find((o) => o.title === '三、2026年工作安排')).toMatchObject({ level: 1, paragraphId: 'h3' });
  });

  it('has sentence offsets into each paragraph’s canonical text', () => {
    const p = json.paragraphs.find((x) => x.label === '三(二)¶2')!;
    expect(p.text.slice(p.sentences[0].start, p.sentences[0].end)).toBe('强化能源综合开发利用。');
    expect(json.paragraphs.filter((x) => x.kind === 'body')).toHaveLength(48);
  });

  it('lists repairs and remarks', () => {
    expect(json.repairs.filter((x) => x.kind === 'page-break-join')).toHaveLength(4);
    expect(json.remarks).toHaveLength(3);
  });
});

describe('ingest summary', () => {
  it('prints the outline and a Chinese repair summary with counts', () => {
    const r = ingest(bundled);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('目录：');
    expect(r.stdout).toContain('  三、2026年工作安排  [三]');
    expect(r.stdout).toContain('      多措并举促消费  [三(一)¶1]');
    expect(r.stdout).toMatch(/修复摘要（共 \d+ 处）/);
    expect(r.stdout).toContain('接合被版面断开的段落：4 处');
    expect(r.stdout).toContain('移除版面接转标记：2 处');
    expect(r.stdout).toContain('拆分与正文连排的条目标题：1 处');
    expect(r.stdout).toContain('勘误提示（原文未改动，共 3 处）');
    expect(r.stdout).toContain('本文为节选：上接第一版，下转第四版。');
  });

  it('reports removed web chrome for a report copied from the web', () => {
    const r = ingest(corpusFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/移除网页元素：\d+ 处/);
    expect(r.stdout).toContain('  一、“十四五”时期工作回顾  [一]');
  });
});

describe('ingest of other formats, through the app’s loader', () => {
  it('reads a Word file and a GB18030 text to the same paragraphs as the UTF-8 text', async () => {
    const source = readFileSync(corpusFile, 'utf8');
    const lines = cleanLines(source);
    const docx = scratchFile('山西.docx', await makeDocx(lines, '政府工作报告'));
    const gb = scratchFile('山西-gbk.txt', new Uint8Array(iconv.encode(cleanText(lines), 'gb18030')));
    const utf = scratchFile('山西.txt', cleanText(lines));
    const [a, b, c] = [docx, gb, utf].map((f) => JSON.parse(ingest(f, '--json').stdout) as IngestJson & { format: string });
    expect(a.format).toBe('docx');
    expect(a.paragraphs.map((p) => p.text)).toEqual(c.paragraphs.map((p) => p.text));
    expect(b.paragraphs.map((p) => p.text)).toEqual(c.paragraphs.map((p) => p.text));
    expect([a.id, b.id]).toEqual([c.id, c.id]);
    expect(ingest(gb).stdout).toContain('文本编码：GB18030');
  }, 60_000);
});

describe('ingest errors', () => {
  it.each([
    ['a missing file', () => join(scratch, 'missing.txt'), '找不到文件'],
    ['an empty file', () => scratchFile('empty.txt', ''), '空'],
    ['a whitespace-only file', () => scratchFile('blank.txt', '\n \u3000\n'), '空白'],
    ['an old .doc', () => scratchFile('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), '另存为” .docx'],
    ['a photo', () => scratchFile('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), '图片'],
    ['a binary file', () => scratchFile('data.bin', new Uint8Array([0x01, 0x00, 0x00, 0x00, 0x7f, 0x00, 0x00, 0x00, 0x00, 0x02])), '二进制'],
    ['a folder', () => scratch, '文件夹'],
  ])('rejects %s with exit code 2 and a Chinese message', (_name, path, phrase) => {
    const r = ingest(path(), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('错误：');
    expect(r.stderr).toContain(phrase);
  });

  it.each([[[]], [['a.txt', 'b.txt']], [[bundled, '--xml']]])('rejects bad usage %j with exit code 2', (args) => {
    const r = ingest(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
  });
});
