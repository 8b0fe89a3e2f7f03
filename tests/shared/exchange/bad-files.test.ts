/**
 * A corpus of bad exchange files, each built from a realistic file (twenty annotations on the
 * bundled report, as a study-group member would send it) with one thing broken, and the exact
 * Chinese message parseExchange answers. Covers what issue 11 found getting through (a note nested
 * 1,000/3,000 lists deep, a node type Lexical does not know, updatedAt 2^53−1, far-future times)
 * beside the everyday damage.
 */
// Must come first: Dexie looks up the global indexedDB when it is imported (store check below).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AnnotationRepository, YanduDB } from '../../../renderer/db';
import { createAnnotationStore } from '../../../renderer/annotations/annotation-store';
import { importAnnotations, type ExchangePorts } from '../../../renderer/annotations/exchange';
import { MAX_NOTE_DEPTH, MAX_NOTE_NODES } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { MAX_CLOCK_SKEW_MS, parseExchange, serializeExchange } from '../../../shared/exchange';
import type { Report } from '../../../shared/report/model';
import { bundledReport, sampleAnnotations } from '../export/fixture';

const NOW = Date.UTC(2026, 11, 3, 6, 0); // 2026-12-03 14:00 in Beijing
const DAY = 24 * 60 * 60 * 1000;

let report: Report;
let good: string;
let records: Annotation[];

beforeAll(async () => {
  report = await bundledReport();
  good = serializeExchange({ exportedAt: NOW - DAY, exportedBy: '李四', report, annotations: sampleAnnotations(report) });
  records = JSON.parse(good).annotations;
});

type File = { annotations: Record<string, any>[] } & Record<string, any>;

/** The good file with `change` applied to its parsed JSON. */
const patched = (change: (f: File) => void) => () => {
  const f = JSON.parse(good) as File;
  change(f);
  return JSON.stringify(f, null, 2);
};
/** The record with sample id `id` (s01…s20) in the file `f`. */
const rec = (f: File, id: string) => f.annotations.find((a) => a.id === id)!;
/** 1-based number of the record with sample id `id` in the file, as messages count. */
const n = (id: string) => records.findIndex((a) => a.id === id) + 1;
/** The message's quote excerpt of record `id` (first 20 characters, one line). */
const q = (id: string) => {
  const line = records.find((a) => a.id === id)!.anchor.quote.replace(/\s+/gu, ' ');
  return Array.from(line).length > 20 ? `${Array.from(line).slice(0, 20).join('')}…` : line;
};

const text = (t: string, extra: object = {}) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '', ...extra });
const para = (...children: object[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children });
const noteJson = (...children: object[]) => JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });

/** A note with lists nested `levels` deep, as text (JSON.stringify overflows on thousands of levels). */
function nestedListsNote(levels: number): string {
  const open = '{"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul","children":[{"type":"listitem","version":1,"value":1,"children":[';
  const close = ']}]}';
  return `{"root":{"type":"root","version":1,"children":[${open.repeat(levels)}${JSON.stringify(text('最里层'))}${close.repeat(levels)}]}}`;
}

const TOO_DEEP = `批注内容嵌套过深（超过 ${MAX_NOTE_DEPTH} 层），可能是恶意或损坏的数据`;
const SKEW = '晚于本机时间一天以上：文件可能已损坏，或导出者电脑的时钟有误';
const COLOUR_OPTIONS = '无效选项：期望以下之一 "yellow"|"green"|"blue"|"red"|"purple"';

/** [name, file text (made lazily: the report loads in beforeAll), exact message]. */
const CASES: [string, () => string, () => string][] = [
  // Notes that blanked the app or opened an empty editor.
  ['a note nested 1,000 lists deep', patched((f) => (rec(f, 's05').note.json = nestedListsNote(1000))), () => `第 ${n('s05')} 条批注（“${q('s05')}”）无效：note.json：${TOO_DEEP}`],
  ['a note nested 3,000 lists deep', patched((f) => (rec(f, 's05').note.json = nestedListsNote(3000))), () => `第 ${n('s05')} 条批注（“${q('s05')}”）无效：note.json：${TOO_DEEP}`],
  ['a note one list level past the limit', patched((f) => (rec(f, 's02').note.json = nestedListsNote((MAX_NOTE_DEPTH - 2) / 2 + 1))), () => `第 ${n('s02')} 条批注（“${q('s02')}”）无效：note.json：${TOO_DEEP}`],
  ['a note with an image node', patched((f) => (rec(f, 's13').note.json = noteJson(para(text('见图')), { type: 'image', version: 1, src: 'file:///etc/passwd' }))), () => `第 ${n('s13')} 条批注（“${q('s13')}”）无效：note.json：批注内容含有批注编辑器不支持的节点类型 “image”（root › 2）`],
  ['a note with a heading (not registered in the note editor)', patched((f) => (rec(f, 's01').note.json = noteJson({ type: 'heading', tag: 'h1', version: 1, children: [text('标题')] }))), () => `第 ${n('s01')} 条批注（“${q('s01')}”）无效：note.json：批注内容含有批注编辑器不支持的节点类型 “heading”（root › 1）`],
  ['a note whose text covers the window with a style', patched((f) => (rec(f, 's03').note.json = noteJson(para(text('点这里', { style: 'position:fixed;inset:0;z-index:9999' }))))), () => `第 ${n('s03')} 条批注（“${q('s03')}”）无效：note.json：批注内容的 “text” 节点字段 “style” 的值无效（root › 1 › 1）`],
  ['a note with a __proto__ key beside root', patched((f) => (rec(f, 's01').note.json = `{"root":${JSON.stringify(JSON.parse(noteJson(para(text('x')))).root)},"__proto__":{"polluted":true}}`)), () => `第 ${n('s01')} 条批注（“${q('s01')}”）无效：note.json：批注内容含有多余的字段 “__proto__”`],
  ['a note with text directly under root', patched((f) => (rec(f, 's07').note.json = noteJson(text('裸文字')))), () => `第 ${n('s07')} 条批注（“${q('s07')}”）无效：note.json：批注内容的 “text” 节点不能放在 “root” 之下（root › 1）`],
  ['a note of too many nodes', patched((f) => (rec(f, 's08').note.json = noteJson(para(...Array.from({ length: MAX_NOTE_NODES }, () => ({ type: 'linebreak', version: 1 })))))), () => `第 ${n('s08')} 条批注（“${q('s08')}”）无效：note.json：批注内容的节点过多（超过 ${MAX_NOTE_NODES} 个）`],
  ['a note that is HTML', patched((f) => (rec(f, 's05').note.json = '<img src=x onerror=alert(1)>')), () => `第 ${n('s05')} 条批注（“${q('s05')}”）无效：note.json：批注内容不是有效的 JSON`],
  ['note.json as an object, not a string', patched((f) => (rec(f, 's05').note.json = { root: {} })), () => `第 ${n('s05')} 条批注（“${q('s05')}”）无效：note.json：无效输入：期望 string，实际接收 object`],
  ['a note text over a million characters', patched((f) => (rec(f, 's17').note.text = '长'.repeat(1_000_001))), () => `第 ${n('s17')} 条批注（“${q('s17')}”）无效：note.text：数值过大：期望 string <=1000000 字符`],

  // Times.
  ['updatedAt 2^53 − 1 (could never be edited again)', patched((f) => (rec(f, 's04').updatedAt = 2 ** 53 - 1)), () => `第 ${n('s04')} 条批注（“${q('s04')}”）无效：updatedAt：时间戳超出范围（不是有效的日期）`],
  ['createdAt 2^53 − 1', patched((f) => (rec(f, 's04').createdAt = 2 ** 53 - 1)), () => `第 ${n('s04')} 条批注（“${q('s04')}”）无效：createdAt：时间戳超出范围（不是有效的日期）`],
  ['updatedAt 1e400 (Infinity after JSON.parse)', () => good.replace(`"updatedAt": ${records[0].updatedAt}`, '"updatedAt": 1e400'), () => `第 1 条批注（“${q(records[0].id)}”）无效：updatedAt：时间应为以毫秒计的整数时间戳`],
  ['updatedAt two days ahead of the reader\'s clock', patched((f) => (rec(f, 's06').updatedAt = NOW + 2 * DAY)), () => `第 ${n('s06')} 条批注（“${q('s06')}”）的修改时间（2026-12-05 14:00）${SKEW}`],
  ['createdAt in the year 2100', patched((f) => { rec(f, 's06').createdAt = Date.UTC(2100, 0, 1); rec(f, 's06').updatedAt = Date.UTC(2100, 0, 1); }), () => `第 ${n('s06')} 条批注（“${q('s06')}”）的创建时间（2100-01-01 08:00）${SKEW}`],
  ['exportedAt a week ahead', patched((f) => (f.exportedAt = NOW + 7 * DAY)), () => `批注文件的导出时间（2026-12-10 14:00）${SKEW}`],
  ['exportedAt 2^53 − 1', patched((f) => (f.exportedAt = 2 ** 53 - 1)), () => '批注文件的文件头无效：exportedAt：数值过大：期望 number <=8640000000000000'],
  ['a negative updatedAt', patched((f) => (rec(f, 's09').updatedAt = -1)), () => `第 ${n('s09')} 条批注（“${q('s09')}”）无效：updatedAt：时间不能早于 1970 年`],
  ['a fractional createdAt', patched((f) => (rec(f, 's09').createdAt = 1_700_000_000_000.5)), () => `第 ${n('s09')} 条批注（“${q('s09')}”）无效：createdAt：时间应为以毫秒计的整数时间戳`],
  ['updatedAt null', patched((f) => (rec(f, 's09').updatedAt = null)), () => `第 ${n('s09')} 条批注（“${q('s09')}”）无效：updatedAt：时间应为以毫秒计的整数时间戳`],

  // Everyday damage to records.
  ['colour "orange"', patched((f) => (rec(f, 's14').color = 'orange')), () => `第 ${n('s14')} 条批注（“${q('s14')}”）无效：color：${COLOUR_OPTIONS}`],
  ['colour as a CSS value', patched((f) => (rec(f, 's14').color = '#ff0000')), () => `第 ${n('s14')} 条批注（“${q('s14')}”）无效：color：${COLOUR_OPTIONS}`],
  ['an unknown target', patched((f) => (rec(f, 's09').target = 'image')), () => `第 ${n('s09')} 条批注（“${q('s09')}”）无效：target：无效选项：期望以下之一 "range"|"paragraph"`],
  ['deleted as the string "false"', patched((f) => (rec(f, 's20').deleted = 'false')), () => `第 ${n('s20')} 条批注（“${q('s20')}”）无效：deleted：无效输入：期望 boolean，实际接收 string`],
  ['an empty quote', patched((f) => (rec(f, 's11').anchor.quote = '')), () => `第 ${n('s11')} 条批注无效：anchor.quote：数值过小：期望 string >=1 字符`],
  ['a negative start offset', patched((f) => (rec(f, 's11').anchor.start = -3)), () => `第 ${n('s11')} 条批注（“${q('s11')}”）无效：anchor.start：数值过小：期望 number >=0`],
  ['a 65-character prefix', patched((f) => (rec(f, 's11').anchor.prefix = '前'.repeat(65))), () => `第 ${n('s11')} 条批注（“${q('s11')}”）无效：anchor.prefix：数值过大：期望 string <=64 字符`],
  ['tags as one string', patched((f) => (rec(f, 's16').tags = '数据,能源')), () => `第 ${n('s16')} 条批注（“${q('s16')}”）无效：tags：无效输入：期望 数组，实际接收 string`],
  ['a tag that is a number', patched((f) => (rec(f, 's16').tags = ['数据', 42])), () => `第 ${n('s16')} 条批注（“${q('s16')}”）无效：tags.1：无效输入：期望 string，实际接收 数字`],
  ['an author name of 101 characters', patched((f) => (rec(f, 's15').author = '李'.repeat(101))), () => `第 ${n('s15')} 条批注（“${q('s15')}”）无效：author：数值过大：期望 string <=100 字符`],
  ['an empty id', patched((f) => (rec(f, 's12').id = '')), () => `第 ${n('s12')} 条批注（“${q('s12')}”）无效：id：数值过小：期望 string >=1 字符`],
  ['a record that is null', patched((f) => (f.annotations[4] = null as unknown as Record<string, any>)), () => '第 5 条批注无效：无效输入：期望 object，实际接收 空值(null)'],
  ['a record nested 10,000 arrays deep', () => good.replace(/"annotations": \[/, `"annotations": [${'['.repeat(10_000)}${']'.repeat(10_000)}, `), () => '第 1 条批注无效：无效输入：期望 object，实际接收 数组'],
  ['a repeated id (two members\' files spliced)', patched((f) => (rec(f, 's18').id = 's02')), () => `第 ${n('s18')} 条批注与第 ${n('s02')} 条的 id 重复（s02），文件可能被拼接或改动过`],
  ['a record of another report', patched((f) => (rec(f, 's10').reportId = 'taiyuan-2026')), () => `第 ${n('s10')} 条批注（“${q('s10')}”）属于另一份报告（taiyuan-2026），与文件标明的报告（${report.id}）不符`],
  ['three broken records: the first is named, the others counted', patched((f) => { rec(f, 's03').color = 'orange'; rec(f, 's04').updatedAt = 2 ** 53 - 1; rec(f, 's05').note.json = nestedListsNote(1000); }), () => `第 ${n('s03')} 条批注（“${q('s03')}”）无效：color：${COLOUR_OPTIONS}；另有 2 条批注也有问题`],

  // Headers.
  ['a report fingerprint of 201 characters', patched((f) => (f.report.fingerprint = 'f'.repeat(201))), () => '批注文件的文件头无效：report.fingerprint：数值过大：期望 string <=200 字符'],
  ['a report id that is an object', patched((f) => (f.report.id = { id: 'changzhi-2026' })), () => '批注文件的文件头无效：report.id：无效输入：期望 string，实际接收 object'],
];

describe('bad exchange files: each refused with its exact Chinese message', () => {
  it('the corpus holds at least 30 files and the good file they start from is accepted', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const r = parseExchange(good, { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.annotations.length).toBe(20);
  });

  it.each(CASES)('%s', (_name, makeFile, message) => {
    const file = makeFile();
    expect(file).not.toBe(good);
    expect(parseExchange(file, { now: NOW })).toEqual({ ok: false, error: message() });
  });
});

describe('bad exchange files leave the store byte-identical', () => {
  it('imports each through the app’s import path over a store with its own annotations; every stored row stays as it was', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      const db = new YanduDB({ name: `bad-files-${Math.random()}` });
      const repo = new AnnotationRepository(db);
      const store = createAnnotationStore(repo);
      store.setReport(report);
      const own = sampleAnnotations(report).slice(0, 6).map((a) => ({ ...a, id: `own-${a.id}`, author: '张三' }));
      await repo.apply(own.map((record) => ({ kind: 'create' as const, record })));
      const snapshot = async () => JSON.stringify(await db.annotations.orderBy('id').toArray());
      const before = await snapshot();
      for (const [name, makeFile] of CASES) {
        const bytes = new TextEncoder().encode(makeFile());
        const ports: ExchangePorts = {
          host: { openFile: async () => ({ ok: true, value: { name: 'member.json', bytes } }), saveFile: async () => ({ ok: true, value: null }) },
          listAll: (id) => repo.listByReport(id, { includeDeleted: true }),
          apply: async (changes) => void (await store.importChanges(changes, '导入批注')),
          confirm: async () => 'all',
        };
        expect(await importAnnotations(ports, report, '长治市2026年政府工作报告'), name).toMatch(/^未导入：/);
        expect(await snapshot(), name).toBe(before);
      }
      store.dispose();
      db.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the far-future limit', () => {
  it('accepts times up to a day ahead of the reader\'s clock (members\' clocks differ a little)', () => {
    const f = JSON.parse(good) as File;
    f.exportedAt = NOW + MAX_CLOCK_SKEW_MS;
    rec(f, 's06').updatedAt = NOW + MAX_CLOCK_SKEW_MS;
    expect(parseExchange(JSON.stringify(f), { now: NOW }).ok).toBe(true);
    rec(f, 's06').updatedAt = NOW + MAX_CLOCK_SKEW_MS + 1;
    expect(parseExchange(JSON.stringify(f), { now: NOW }).ok).toBe(false);
  });

  it('uses the real clock when none is given', () => {
    const f = JSON.parse(good) as File;
    rec(f, 's06').updatedAt = Date.now() + 2 * DAY;
    const r = parseExchange(JSON.stringify(f));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(SKEW);
  });
});
