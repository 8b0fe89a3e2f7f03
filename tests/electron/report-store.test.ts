import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeFormatLibraries } from '../../electron/main/format-libraries';
import { loadReportFile } from '../../shared/report/load/load-report';
import { segmentReport } from '../../shared/report/segment';
import { createReportStore, reportFromFile, resolveReportsDir, type LoadReport } from '../../electron/main/report-store';

const BUNDLED = path.resolve(__dirname, '../../resources/reports');
const ID = 'changzhi-2026';
const codec: LoadReport = (file) => loadReportFile(file, nodeFormatLibraries);
const meta = JSON.parse(readFileSync(path.join(BUNDLED, ID, 'meta.json'), 'utf8'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yandu-reports-'));
  mkdirSync(path.join(dir, ID));
  copyFileSync(path.join(BUNDLED, 'index.json'), path.join(dir, 'index.json'));
  copyFileSync(path.join(BUNDLED, ID, 'meta.json'), path.join(dir, ID, 'meta.json'));
  copyFileSync(path.join(BUNDLED, ID, 'source.txt'), path.join(dir, ID, 'source.txt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createReportStore on the bundled report', () => {
  it('lists the metadata from meta.json', async () => {
    const result = await createReportStore(dir, codec).list();
    expect(result).toEqual({ ok: true, value: [meta] });
  });

  it('loads and segments the report, titled from meta.json', async () => {
    const result = await createReportStore(dir, codec).load(ID);
    if (!result.ok) throw new Error(result.error);
    const expected = segmentReport(readFileSync(path.join(BUNDLED, ID, 'source.txt'), 'utf8'), { id: ID });
    expect(result.value.id).toBe(ID);
    expect(result.value.title).toBe('长治市2026年政府工作报告');
    expect(result.value.text).toBe(expected.text);
    expect(result.value.paragraphs.map((p) => p.id)).toEqual(expected.paragraphs.map((p) => p.id));
    expect(result.value.outline.length).toBeGreaterThan(0);
  });

  it('flags the known source typos listed in the report’s typos.json', async () => {
    copyFileSync(path.join(BUNDLED, ID, 'typos.json'), path.join(dir, ID, 'typos.json'));
    const result = await createReportStore(dir, codec).load(ID);
    const notes = result.ok ? result.value.remarks.map((r) => r.note) : [];
    expect(notes).toHaveLength(3);
    expect(notes).toEqual(expect.arrayContaining([expect.stringContaining('和'), expect.stringContaining('焦炉煤气'), expect.stringContaining('扩大')]));
    writeFileSync(path.join(dir, ID, 'typos.json'), '[{"context":"丰炉"}]');
    const broken = await createReportStore(dir, codec).load(ID);
    expect(broken).toEqual({ ok: false, error: expect.stringMatching(/勘误表 typos\.json 格式错误/) });
  });

  it('segments once and serves later loads from the cache', async () => {
    const reads = vi.fn((file: string) => readFile(file));
    const segment = vi.fn(codec);
    const store = createReportStore(dir, segment, reads);
    const [a, b] = await Promise.all([store.load(ID), store.load(ID)]);
    const c = await store.load(ID);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(segment).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls.filter(([f]) => f.endsWith('source.txt'))).toHaveLength(1);
  });
});

describe('createReportStore failures', () => {
  const write = (rel: string, content: string | Uint8Array) => writeFileSync(path.join(dir, rel), content);

  it.each([
    ['a missing index.json', () => rmSync(path.join(dir, 'index.json')), /找不到内置报告清单.*index\.json/],
    ['an index.json that is not JSON', () => write('index.json', '["changzhi-2026"'), /index\.json 格式错误/],
    ['an index.json of the wrong shape', () => write('index.json', '{"id":"x"}'), /index\.json 格式错误/],
    ['an index.json with a path as id', () => write('index.json', '["../etc"]'), /index\.json 格式错误/],
    ['a missing meta.json', () => rmSync(path.join(dir, ID, 'meta.json')), /缺少说明文件 meta\.json/],
    ['a garbled meta.json', () => write(`${ID}/meta.json`, '{title: 长治'), /meta\.json 格式错误/],
    ['a meta.json without title', () => write(`${ID}/meta.json`, JSON.stringify({ ...meta, title: undefined })), /meta\.json 格式错误：title/],
    ['a meta.json for another id', () => write(`${ID}/meta.json`, JSON.stringify({ ...meta, id: 'other' })), /id 应为“changzhi-2026”/],
  ])('list() explains %s', async (_name, breakIt, message) => {
    breakIt();
    const result = await createReportStore(dir, codec).list();
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it.each([
    ['a missing source.txt', () => rmSync(path.join(dir, ID, 'source.txt')), /缺少正文文件 source\.txt/],
    ['a binary source.txt', () => write(`${ID}/source.txt`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1])), /无法读取/],
    ['an empty source.txt', () => write(`${ID}/source.txt`, ''), /无法读取/],
    ['a missing meta.json', () => rmSync(path.join(dir, ID, 'meta.json')), /缺少说明文件/],
  ])('load() explains %s', async (_name, breakIt, message) => {
    breakIt();
    const result = await createReportStore(dir, codec).load(ID);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it.each(['nope', '../changzhi-2026', '..', 'CHANGZHI-2026', '', 'a/b'])('load(%j) is an unknown report', async (id) => {
    const reads = vi.fn((file: string) => readFile(file));
    const result = await createReportStore(dir, codec, reads).load(id);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/没有编号为/) });
    for (const [file] of reads.mock.calls) expect(path.relative(dir, file).startsWith('..')).toBe(false);
  });

  it('turns a segmenter exception into an error naming the report', async () => {
    const segment = () => {
      throw new Error('assumption broken: no paragraphs');
    };
    const result = await createReportStore(dir, async () => segment()).load(ID);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/长治市2026年政府工作报告.*无法分段.*assumption broken/),
    });
  });

  it('does not cache failures: a repaired file loads on retry', async () => {
    const store = createReportStore(dir, codec);
    const source = readFileSync(path.join(dir, ID, 'source.txt'));
    rmSync(path.join(dir, ID, 'source.txt'));
    expect((await store.load(ID)).ok).toBe(false);
    writeFileSync(path.join(dir, ID, 'source.txt'), source);
    expect((await store.load(ID)).ok).toBe(true);
  });
});

describe('reportFromFile', () => {
  it('reads user-chosen bytes and names the report by its content', async () => {
    const bytes = readFileSync(path.join(BUNDLED, ID, 'source.txt'));
    const result = await reportFromFile(bytes, '长治.txt', codec);
    expect(result.ok && result.value.id).toMatch(/^r-[0-9a-f]{16}$/);
  });
  it('names the file when the bytes are not a report', async () => {
    const result = await reportFromFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), '照片.txt', codec);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^报告“照片\.txt”无法读取：这是一张图片/) });
  });
});

describe('resolveReportsDir', () => {
  it('uses resourcesPath/reports when packaged and the repo resources otherwise', () => {
    const paths = { resourcesPath: '/opt/研读/resources', appPath: '/src/yandu' };
    expect(resolveReportsDir({ ...paths, isPackaged: true })).toBe(path.join('/opt/研读/resources', 'reports'));
    expect(resolveReportsDir({ ...paths, isPackaged: false })).toBe(path.join('/src/yandu', 'resources', 'reports'));
  });
});
