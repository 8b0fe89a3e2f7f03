import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations/model';
import { EXCHANGE_FORMAT, MAX_EXCHANGE_BYTES, MAX_EXCHANGE_RECORDS, parseExchange, serializeExchange, type ExchangeInput } from '../../../shared/exchange';
import { annotationOn, lexicalJson, report } from '../annotations/fixtures';
import { COLORS, edit, pick, prng } from './helpers';

const hydrogen = annotationOn('大力发展绿电制氢', { color: 'green', tags: ['氢能', '产业'], note: { json: lexicalJson('要问清产能'), text: '要问清产能' } });
const cross = annotationOn('全产业链。\n发展壮大数字经济', { author: '李四', color: 'blue' });
const paragraphNote = annotationOn('多措并举促消费', { target: 'paragraph', note: { json: lexicalJson('👍🏽 𠀀 "引号" \\ 反斜杠'), text: '👍🏽 𠀀 "引号" \\ 反斜杠' } });
const tomb = edit(annotationOn('保障粮食安全', { color: 'red' }), { deleted: true });
/** In the canonical file order (createdAt, then id). */
const records = [hydrogen, cross, paragraphNote, tomb];

const input: ExchangeInput = { exportedAt: 1_767_225_600_000, exportedBy: '张三', report, annotations: records };
const goodText = serializeExchange(input);
const expected = {
  format: 'yandu-annotations',
  version: 1,
  exportedAt: input.exportedAt,
  exportedBy: '张三',
  report: { id: report.id, title: report.title, fingerprint: report.fingerprint },
  annotations: records,
};

/** The good file with its parsed JSON changed by `patch`. */
function patched(patch: (file: Record<string, any>) => void): string {
  const file = JSON.parse(goodText);
  patch(file);
  return JSON.stringify(file);
}

describe('serializeExchange', () => {
  it('writes the documented header and every record, tombstones included', () => {
    expect(JSON.parse(goodText)).toEqual(expected);
    expect(goodText.startsWith('{\n  "format": "yandu-annotations",\n  "version": 1,\n  "exportedAt"')).toBe(true);
    expect(goodText.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes for the same data in any order, with keys in model order', () => {
    const shuffled = serializeExchange({ ...input, annotations: [tomb, paragraphNote, hydrogen, cross], report: { ...report } });
    expect(shuffled).toBe(goodText);
    const keyed = { ...hydrogen, deleted: false, id: hydrogen.id } as Annotation;
    const reordered = Object.fromEntries(Object.entries(keyed).reverse()) as unknown as Annotation;
    expect(serializeExchange({ ...input, annotations: [reordered, cross, paragraphNote, tomb] })).toBe(goodText);
    expect(Object.keys(JSON.parse(goodText).annotations[0])).toEqual(['id', 'reportId', 'target', 'anchor', 'color', 'tags', 'note', 'author', 'createdAt', 'updatedAt', 'deleted']);
  });

  it('sorts by createdAt, then id', () => {
    const a = { ...hydrogen, id: 'b', createdAt: 5, updatedAt: 9 };
    const b = { ...hydrogen, id: 'a', createdAt: 5, updatedAt: 6 };
    const c = { ...hydrogen, id: 'c', createdAt: 1, updatedAt: 7 };
    const text = serializeExchange({ ...input, annotations: [a, b, c] });
    expect(JSON.parse(text).annotations.map((r: Annotation) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('drops unknown keys and normalises tags of store rows', () => {
    const row = { ...hydrogen, tags: ['#氢能', 'ＡＩ', 'ai'], extra: 1, anchor: { ...hydrogen.anchor, nodeKey: '7' } } as Annotation;
    const file = JSON.parse(serializeExchange({ ...input, annotations: [row] }));
    expect(file.annotations[0]).toEqual({ ...hydrogen, tags: ['氢能', 'AI'] });
  });

  it.each([
    ['a record of another report', [{ ...hydrogen, reportId: 'other' }], /belongs to report other/],
    ['a repeated id', [hydrogen, { ...hydrogen }], /occurs twice/],
    ['an invalid record', [{ ...hydrogen, color: 'pink' as never }], /violates the annotation schema: color/],
  ])('throws on %s (a bug in the caller)', (_name, annotations, message) => {
    expect(() => serializeExchange({ ...input, annotations })).toThrow(message);
  });

  it('throws on an invalid header', () => {
    expect(() => serializeExchange({ ...input, exportedAt: -1 })).toThrow(/export header is invalid: exportedAt/);
    expect(() => serializeExchange({ ...input, exportedBy: '名'.repeat(101) })).toThrow(/exportedBy/);
  });
});

describe('parseExchange', () => {
  it('round trip: serialize → parse gives the data back', () => {
    expect(parseExchange(goodText)).toEqual({ ok: true, value: expected });
  });

  it('accepts a UTF-8 BOM, CRLF line ends and compact JSON', () => {
    expect(parseExchange(`\uFEFF${goodText}`)).toEqual({ ok: true, value: expected });
    expect(parseExchange(goodText.replace(/\n/g, '\r\n'))).toEqual({ ok: true, value: expected });
    expect(parseExchange(JSON.stringify(JSON.parse(goodText)))).toEqual({ ok: true, value: expected });
  });

  it('drops unknown fields everywhere, so they never reach the store', () => {
    const text = patched((f) => {
      f.comment = '来自未来版本';
      f.report.pages = 12;
      f.annotations[0].likes = ['李四'];
      f.annotations[0].anchor.nodeKey = '12';
      f.annotations[0].note.html = '<b>x</b>';
    });
    const r = parseExchange(text);
    expect(r).toEqual({ ok: true, value: expected });
    if (!r.ok) return;
    expect(Object.keys(r.value.annotations[0])).not.toContain('likes');
    expect(Object.keys(r.value.annotations[0].anchor)).not.toContain('nodeKey');
    expect(Object.keys(r.value.annotations[0].note)).not.toContain('html');
  });

  it('normalises tags (and accepts ones that only normalisation makes valid)', () => {
    const text = patched((f) => {
      f.annotations[0].tags = ['#氢能', ' 产业 ', 'ＡＩ', 'ai', '长'.repeat(40)];
    });
    const r = parseExchange(text);
    expect(r.ok && r.value.annotations[0].tags).toEqual(['氢能', '产业', 'AI', '长'.repeat(32)]);
  });

  it('accepts a file with no annotations and an empty exportedBy', () => {
    const text = serializeExchange({ ...input, exportedBy: '', annotations: [] });
    expect(parseExchange(text)).toEqual({ ok: true, value: { ...expected, exportedBy: '', annotations: [] } });
  });

  it.each<[string, string, string]>([
    ['an empty file', '', '不是有效的批注文件（文件是空的）'],
    ['only a BOM and whitespace', '\uFEFF \r\n\t', '不是有效的批注文件（文件是空的）'],
    ['a truncated file', goodText.slice(0, 300), '不是有效的批注文件（JSON 格式错误）'],
    ['plain Chinese text', '这是一段学习笔记', '不是有效的批注文件（JSON 格式错误）'],
    ['a UTF-16 file decoded as UTF-8', goodText.split('').join('\u0000'), '不是有效的批注文件（JSON 格式错误）'],
    ['a JSON array', '[]', '不是研读的批注文件（缺少 "format": "yandu-annotations" 标记）'],
    ['a JSON number', '42', '不是研读的批注文件'],
    ['JSON null', 'null', '不是研读的批注文件'],
    ['JSON of another app', '{"items":[{"text":"x"}]}', '不是研读的批注文件（缺少'],
    ['another format', patched((f) => (f.format = 'zotero-annotations')), '不是研读的批注文件（文件类型为 “zotero-annotations”）'],
    ['a non-string format', patched((f) => (f.format = { name: 'x' })), '不是研读的批注文件（文件类型为 “{"name":"x"}”）'],
    ['a newer version', patched((f) => (f.version = 2)), '此文件由较新版本的研读导出（格式版本 2），请先升级'],
    ['a much newer version', patched((f) => (f.version = 17)), '格式版本 17'],
    ['a version as a string', patched((f) => (f.version = '1')), '批注文件的格式版本无效'],
    ['version 0', patched((f) => (f.version = 0)), '批注文件的格式版本无效'],
    ['a fractional version', patched((f) => (f.version = 1.5)), '批注文件的格式版本无效'],
    ['no version', patched((f) => delete f.version), '批注文件的格式版本无效'],
    ['no report', patched((f) => delete f.report), '批注文件的文件头无效：report：'],
    ['an empty report id', patched((f) => (f.report.id = '')), '文件头无效：report.id：'],
    ['a negative exportedAt', patched((f) => (f.exportedAt = -5)), '文件头无效：exportedAt：'],
    ['exportedBy as a number', patched((f) => (f.exportedBy = 7)), '文件头无效：exportedBy：'],
    ['no annotations', patched((f) => delete f.annotations), '批注文件无效：annotations 应为批注列表'],
    ['annotations as an object', patched((f) => (f.annotations = { a: 1 })), 'annotations 应为批注列表'],
    ['an unknown colour', patched((f) => (f.annotations[1].color = 'orange')), '第 2 条批注（“全产业链。 发展壮大数字经济”）无效：color：'],
    ['a record that is not an object', patched((f) => (f.annotations[0] = 'x')), '第 1 条批注无效：'],
    ['a record without anchor', patched((f) => delete f.annotations[2].anchor), '第 3 条批注无效：anchor：'],
    ['a string timestamp', patched((f) => (f.annotations[3].updatedAt = '2026-01-01')), '第 4 条批注（“保障粮食安全”）无效：updatedAt：'],
    ['a reversed range', patched((f) => (f.annotations[0].anchor.end = 0)), '第 1 条批注（“大力发展绿电制氢”）无效：anchor.end：锚点范围为空或颠倒'],
    ['note json that is not Lexical', patched((f) => (f.annotations[0].note.json = '<p>x</p>')), '无效：note.json：'],
    ['a long quote, cut in the message', patched((f) => { f.annotations[0].anchor.quote = '一二三四五六七八九十'.repeat(5); f.annotations[0].color = 0; }), '第 1 条批注（“一二三四五六七八九十一二三四五六七八九十…”）无效：color：'],
    ['a repeated id', patched((f) => (f.annotations[2].id = f.annotations[0].id)), `第 3 条批注与第 1 条的 id 重复（${hydrogen.id}）`],
    ['a record of another report', patched((f) => (f.annotations[1].reportId = 'taiyuan-2026')), `第 2 条批注（“全产业链。 发展壮大数字经济”）属于另一份报告（taiyuan-2026），与文件标明的报告（${report.id}）不符`],
    ['several bad records', patched((f) => { f.annotations[1].color = 'x'; f.annotations[2].deleted = 'no'; f.annotations[3].id = f.annotations[0].id; }), '第 2 条批注（“全产业链。 发展壮大数字经济”）无效：color：无效选项：期望以下之一 "yellow"|"green"|"blue"|"red"|"purple"；另有 2 条批注也有问题'],
  ])('refuses %s', (_name, text, phrase) => {
    const r = parseExchange(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(phrase);
  });

  it('refuses too many records before validating them', () => {
    const text = JSON.stringify({ ...JSON.parse(goodText), annotations: Array.from({ length: MAX_EXCHANGE_RECORDS + 1 }, () => ({})) });
    expect(parseExchange(text)).toEqual({ ok: false, error: `文件中的批注过多（${MAX_EXCHANGE_RECORDS + 1} 条，上限 ${MAX_EXCHANGE_RECORDS} 条）` });
  });

  it('refuses too large a text before reading it', () => {
    // String#repeat builds a rope, so this costs little until something walks the text.
    const huge = ' '.repeat(MAX_EXCHANGE_BYTES + 1);
    const t0 = performance.now();
    const r = parseExchange(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('文件过大，超过 200 MB 的上限');
  });

  it('property: random files round-trip exactly and re-serialise to the same bytes', () => {
    const rnd = prng(20260101);
    const pieces = ['重点', '"', '\\', '\n', '\u2028', '𠀀', '👍🏽', '\u0000', '\ud800', '<b>', ' ', '，', 'a'];
    const base = [hydrogen, cross, paragraphNote, tomb];
    for (let run = 0; run < 200; run++) {
      const n = Math.floor(rnd() * 12);
      const annotations: Annotation[] = [];
      for (let i = 0; i < n; i++) {
        const text = Array.from({ length: Math.floor(rnd() * 8) }, () => pick(rnd, pieces)).join('');
        const createdAt = 1_700_000_000_000 + Math.floor(rnd() * 5);
        annotations.push({
          ...pick(rnd, base),
          id: `r${run}-${i}`,
          color: pick(rnd, COLORS),
          tags: rnd() < 0.5 ? [] : ['重点', '氢能', 'AI'].slice(0, 1 + Math.floor(rnd() * 3)),
          note: rnd() < 0.3 ? { json: null, text: '' } : { json: lexicalJson(text), text },
          author: pick(rnd, ['张三', '李四', '', 'Wang Wu']),
          createdAt,
          updatedAt: createdAt + Math.floor(rnd() * 3),
          deleted: rnd() < 0.2,
        });
      }
      const exportedBy = pick(rnd, ['张三', '']);
      const text = serializeExchange({ ...input, exportedBy, annotations });
      const r = parseExchange(text);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const sorted = [...annotations].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      expect(r.value).toEqual({ ...expected, exportedBy, annotations: sorted });
      expect(serializeExchange(r.value)).toBe(text);
    }
  });

  it('keeps the file order of records and the format constant', () => {
    const text = patched((f) => f.annotations.reverse());
    const r = parseExchange(text);
    expect(r.ok && r.value.annotations.map((a) => a.id)).toEqual([...records].reverse().map((a) => a.id));
    expect(r.ok && r.value.format).toBe(EXCHANGE_FORMAT);
  });
});
