/**
 * The 16 provincial 2026 reports in ../shared/corpus (copied from the web, chrome included):
 * every numbered part and item reaches the outline and no chrome does.
 */
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { corpusFiles } from './helpers';

const files = corpusFiles();
/** Independent of the segmenter: a part line is short and starts with `一、`. */
const PART_LINE = /^[一二三四五六七八九十]{1,3}、/;
const ITEM_LINE = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
// Toolbar words are whole lines (`安全屏障` contains `全屏`).
const CHROME = /^(下载|打印|全屏|收藏|加大|还原|减小|首页|>)$|字号|来源[：:]|时间[：:]|相关报道|记者|摄$|分享[:：]|扫一扫|^\d{4}-\d{2}-\d{2}/;

it('finds the whole corpus beside the repository', () => {
  expect(files.map((f) => f.name)).toHaveLength(16);
});

describe.each(files)('$name', ({ source }) => {
  const report = segmentReport(source);
  const lines = source.split(/\r?\n/).map((l) => l.trim());
  const titles = (level: number) => report.outline.filter((o) => o.level === level).map((o) => o.title);

  it('has a report title', () => {
    expect(report.title).toMatch(/政府工作报告$/);
    expect(report.continuesFrom).toBeNull();
    expect(report.continuesOn).toBeNull();
  });

  it('has every 一、 part in the outline, in order', () => {
    const parts = lines.filter((l) => PART_LINE.test(l) && l.length <= 50);
    const l1 = titles(1);
    const found = parts.map((p) => l1.findIndex((t) => p.startsWith(t)));
    expect(found.every((i) => i >= 0)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });

  it('has every (一) item, standalone or inline, in the outline', () => {
    const items = lines.filter((l) => ITEM_LINE.test(l));
    expect(items.length).toBeGreaterThan(0);
    const l2 = titles(2);
    expect(items.filter((i) => !l2.some((t) => i.startsWith(t)))).toEqual([]);
    expect(l2.length).toBe(items.length);
  });

  it('keeps web chrome out of the outline and the title', () => {
    expect(report.outline.filter((o) => CHROME.test(o.title)).map((o) => o.title)).toEqual([]);
    expect(report.title).not.toMatch(CHROME);
  });

  it('records removed chrome as repairs and keeps it out of the body', () => {
    expect(report.repairs.some((r) => r.kind === 'chrome-removed')).toBe(true);
    const texts = report.paragraphs.map((p) => p.text);
    for (const word of ['下载', '打印', '全屏', '收藏', '相关报道：', '扫一扫在手机打开当前页']) expect(texts).not.toContain(word);
    expect(texts.some((t) => /^来源[：:]/.test(t))).toBe(false);
  });

  it('keeps the 各位代表 opening as body text', () => {
    const opening = report.paragraphs.find((p) => p.text.startsWith('各位代表'));
    expect(opening?.kind).toBe('body');
  });
});
