import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND, type Annotation } from '../../../shared/annotations';
import type { AnnotationChange } from '../../../shared/annotations/undo-stack';
import { parseExchange, serializeExchange, type MergeChange } from '../../../shared/exchange';
import type { OpenedFile, Result, SaveFileRequest } from '../../../shared/ipc/contract';
import { exchangeFileName, exportAnnotations, exportOtherFormat, importAnnotations, readExchangeFile, type ExchangePorts, type ImportChoice } from '../../../renderer/annotations/exchange';
import { annotationOn, report } from '../../shared/annotations/fixtures';

const TITLE = '长治市2026年政府工作报告';
const enc = (s: string) => new TextEncoder().encode(s);

/** A store and file dialogs in memory. */
function fakes(initial: Annotation[], opened: Result<OpenedFile | null> = { ok: true, value: null }, answer: ImportChoice = 'all') {
  const store = new Map(initial.map((a) => [a.id, a]));
  const asked: MergeChange[][] = [];
  const saved: SaveFileRequest[] = [];
  const applied: AnnotationChange[][] = [];
  const ports: ExchangePorts = {
    host: {
      openFile: async () => opened,
      saveFile: async (req) => (saved.push(req), { ok: true, value: `/home/u/${req.suggestedName}` }),
    },
    listAll: async (id) => [...store.values()].filter((a) => a.reportId === id),
    apply: async (changes) => {
      applied.push(changes);
      for (const c of changes) if (c.after) store.set(c.after.id, c.after);
    },
    confirm: async (changes) => (asked.push(changes), answer),
  };
  return { ports, store, saved, applied, asked };
}

const fileOf = (annotations: Annotation[], exportedBy = '李四', reportId = report.id) =>
  enc(serializeExchange({ exportedAt: 1, exportedBy, report: { id: reportId, title: TITLE, fingerprint: report.fingerprint }, annotations }));

describe('exchange: export', () => {
  it('saves every record of the report, tombstones included, under a dated name', async () => {
    const live = annotationOn('营商环境', { author: '张三' });
    const gone = { ...annotationOn('新质生产力', { author: '张三' }), deleted: true };
    const { ports, saved } = fakes([live, gone]);
    const msg = await exportAnnotations(ports, report, TITLE, '张三', new Date(2026, 11, 2));
    expect(msg).toBe(`已导出 1 条批注到“/home/u/研读批注-${TITLE}-张三-20261202.json”，可发给小组成员导入。`);
    const file = parseExchange(saved[0].content as string);
    expect(file.ok && file.value.annotations.map((a) => [a.id, a.deleted]).sort()).toEqual([[live.id, false], [gone.id, true]].sort());
    expect(file.ok && file.value.exportedBy).toBe('张三');
  });

  it('reminds an unsigned member to sign, so the group can tell whose annotations these are', async () => {
    const { ports } = fakes([annotationOn('营商环境', { author: '' })]);
    expect(await exportAnnotations(ports, report, TITLE, ' ', new Date(2026, 11, 2))).toContain('尚未署名');
    expect(await exportAnnotations(ports, report, TITLE, '张三', new Date(2026, 11, 2))).not.toContain('尚未署名');
  });

  it('says so when there is nothing to export or the dialog is cancelled', async () => {
    expect(await exportAnnotations(fakes([]).ports, report, TITLE, '')).toBe('还没有批注可导出。');
    const { ports } = fakes([annotationOn('营商环境')]);
    ports.host.saveFile = async () => ({ ok: true, value: null });
    expect(await exportAnnotations(ports, report, TITLE, '')).toBe('已取消导出。');
    ports.host.saveFile = async () => ({ ok: false, error: '磁盘已满' });
    expect(await exportAnnotations(ports, report, TITLE, '')).toBe('导出失败：磁盘已满');
  });

  it('makes file names safe and never empty', () => {
    expect(exchangeFileName('a/b:c*?', ' 王 五 ', new Date(2026, 0, 5))).toBe('研读批注-abc-王五-20260105.json');
    expect(exchangeFileName('', '', new Date(2026, 0, 5))).toBe('研读批注-报告-未署名-20260105.json');
  });
});

describe('exchange: import', () => {
  it('merges a member file as one step and reports what changed; importing it again changes nothing', async () => {
    const mine = annotationOn('营商环境', { author: '张三' });
    const theirs = [annotationOn('营商环境', { author: '李四' }), annotationOn('新质生产力', { author: '李四' })];
    const bytes = fileOf([...theirs, mine]);
    const { ports, store, applied } = fakes([mine], { ok: true, value: { name: 'x.json', bytes } });
    expect(await importAnnotations(ports, report, TITLE)).toBe('导入（来自李四）：新增 2 条，跳过 1 条（已有或较旧）。Ctrl+Z 可撤销');
    expect(applied).toHaveLength(1);
    expect(applied[0].map((c) => [c.before, c.after?.author])).toEqual([[null, '李四'], [null, '李四']]);
    expect([...store.values()].map((a) => a.author).sort()).toEqual(['张三', '李四', '李四']);
    expect(await importAnnotations(ports, report, TITLE)).toBe('导入（来自李四）：没有新的批注：文件中的 3 条都已存在');
    expect(applied).toHaveLength(1);
  });

  it.each<[ImportChoice, string, string[]]>([
    ['all', '导入（来自李四）：新增 1 条，更新 1 条，删除 1 条', ['李四的新批注', '改过的']],
    ['new-only', '导入（来自李四）：新增 1 条，跳过 2 条（已有或较旧）', ['李四的新批注', '我的批注', '我的第二条']],
    ['cancel', '已取消导入，没有任何改动。', ['我的批注', '我的第二条']],
  ])('asks before a file deletes or rewrites my annotations: %s', async (answer, message, notes) => {
    const mine = annotationOn('营商环境', { author: '张三', note: { json: null, text: '我的批注' } });
    const mine2 = annotationOn('新质生产力', { author: '张三', note: { json: null, text: '我的第二条' } });
    const rewritten = { ...mine, note: { json: null, text: '改过的' }, updatedAt: mine.updatedAt + 10 };
    const deleted = { ...mine2, deleted: true, updatedAt: mine2.updatedAt + 10 };
    const theirs = annotationOn('绿电制氢', { author: '李四', note: { json: null, text: '李四的新批注' } });
    const bytes = fileOf([rewritten, deleted, theirs]);
    const { ports, store, asked } = fakes([mine, mine2], { ok: true, value: { name: 'x.json', bytes } }, answer);
    const msg = await importAnnotations(ports, report, TITLE);
    expect(msg.startsWith(message)).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0].map((c) => c.before!.id).sort()).toEqual([mine.id, mine2.id].sort());
    expect([...store.values()].filter((a) => !a.deleted).map((a) => a.note.text).sort()).toEqual([...notes].sort());
  });

  it('does not ask when the file only changes its sender’s own annotations', async () => {
    const theirs = annotationOn('营商环境', { author: '李四' });
    const bytes = fileOf([{ ...theirs, color: 'red', updatedAt: theirs.updatedAt + 1 }]);
    const { ports, asked, applied } = fakes([theirs], { ok: true, value: { name: 'x.json', bytes } }, 'cancel');
    expect(await importAnnotations(ports, report, TITLE)).toContain('更新 1 条');
    expect(asked).toEqual([]);
    expect(applied).toHaveLength(1);
  });

  it.each([
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), '不是 UTF-8 文本'],
    ['not JSON', enc('{"format": "yandu-annotations", '), 'JSON 格式错误'],
    ['another kind of JSON', enc('{"hello": 1}'), '不是研读的批注文件'],
    ['another report', fileOf([], '李四', 'beijing-2026'), '当前打开的是《长治市2026年政府工作报告》'],
  ])('refuses %s and changes nothing', async (_name, bytes, phrase) => {
    const mine = annotationOn('营商环境');
    const { ports, store, applied } = fakes([mine], { ok: true, value: { name: 'x.json', bytes } });
    const msg = await importAnnotations(ports, report, TITLE);
    expect(msg.startsWith('未导入：')).toBe(true);
    expect(msg).toContain(phrase);
    expect(applied).toEqual([]);
    expect([...store.values()]).toEqual([mine]);
  });

  it('passes on a read error and a cancelled dialog', async () => {
    expect(await importAnnotations(fakes([], { ok: false, error: '文件过大' }).ports, report, TITLE)).toBe('无法读取文件：文件过大');
    expect(await importAnnotations(fakes([]).ports, report, TITLE)).toBe('已取消导入。');
  });

  it('checks the size before decoding', () => {
    const huge = { byteLength: 300 * 1024 * 1024 } as Uint8Array;
    const r = readExchangeFile(huge, report, TITLE);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('文件过大');
  });
});

describe('exchange: open formats (CSV, W3C Web Annotation)', () => {
  it('exports the live annotations as CSV for Excel/WPS, in reading order, with the legend meaning', async () => {
    const a = annotationOn('营商环境', { author: '张三', note: { json: null, text: '会前核实' }, color: 'red' });
    const gone = { ...annotationOn('新质生产力'), deleted: true };
    const { ports, saved } = fakes([a, gone]);
    const msg = await exportOtherFormat(ports, 'csv', { report, reportTitle: TITLE, author: '张三', legend: DEFAULT_LEGEND, resolutions: new Map(), now: new Date(2026, 11, 3) });
    expect(msg).toContain('已导出 1 条批注');
    expect(saved[0].suggestedName).toBe(`研读批注-${TITLE}-20261203.csv`);
    const csv = String(saved[0].content);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('位置,颜色,原文,批注,标签,署名,创建时间,修改时间');
    expect(csv).toContain('会前核实');
    expect(csv).not.toContain('新质生产力');
  });

  it('round-trips through W3C Web Annotation JSON-LD into another member’s store', async () => {
    const a = annotationOn('营商环境', { author: '张三', note: { json: null, text: '会前核实' }, tags: ['营商'] });
    const out = fakes([a]);
    expect(await exportOtherFormat(out.ports, 'w3c', { report, reportTitle: TITLE, author: '张三', legend: DEFAULT_LEGEND, resolutions: new Map() })).toContain('已导出 1 条');
    const bytes = enc(String(out.saved[0].content));
    const into = fakes([], { ok: true, value: { name: 'x.jsonld', bytes } });
    expect(await importAnnotations(into.ports, report, TITLE, 'w3c')).toContain('新增 1 条');
    expect([...into.store.values()]).toEqual([expect.objectContaining({ id: a.id, author: '张三', tags: ['营商'], note: expect.objectContaining({ text: '会前核实' }), anchor: a.anchor })]);
  });

  it('refuses a file that is not Web Annotation, and changes nothing', async () => {
    const { ports, applied } = fakes([], { ok: true, value: { name: 'x.jsonld', bytes: enc('{"hello": 1}') } });
    expect(await importAnnotations(ports, report, TITLE, 'w3c')).toMatch(/^未导入：/);
    expect(applied).toEqual([]);
  });
});

describe('exchange: a file for another report (书架)', () => {
  it('hands it to the 书架 instead of refusing, and writes nothing to the open report', async () => {
    const other = { ...annotationOn('营商环境', { author: '李四' }), reportId: 'r-0123456789abcdef' };
    const { ports, applied } = fakes([], { ok: true, value: { name: 'x.json', bytes: fileOf([other], '李四', 'r-0123456789abcdef') } });
    const seen: string[] = [];
    ports.elsewhere = async (file) => (seen.push(file.report.id), '已归入书架');
    expect(await importAnnotations(ports, report, TITLE)).toBe('已归入书架');
    expect(seen).toEqual(['r-0123456789abcdef']);
    expect(applied).toEqual([]);
  });
});
