import { describe, expect, it } from 'vitest';
import { buildExcerpts, type ExcerptOptions } from '../../../shared/export/excerpt-model';
import { escapeMarkdown, toMarkdown } from '../../../shared/export/markdown';
import { annotate, bundledReport, lexicalNote, type AnnSpec } from './fixture';

const report = await bundledReport();
const rich = lexicalNote();
const specs: AnnSpec[] = [
  { id: 'a', quote: '全市原煤产量稳定', color: 'yellow', note: '注意*口径* <script>x</script>', tags: ['能源', '数据 指标'], createdAt: 1 },
  { id: 'b', quote: '稳定在1.7亿吨左右,', color: 'green', note: rich.text, noteJson: rich.json, createdAt: 2 },
  { id: 'c', quote: '完成农村清洁取暖改造76.3万户', color: 'blue', note: '第一条' },
  { id: 'p', quote: '持续发力上项目', target: 'paragraph', note: '整段' },
  { id: 'd', quote: '实施新一代煤电升级专项行动' },
];
const md = (opts: Partial<ExcerptOptions> = {}, s = specs) =>
  toMarkdown(buildExcerpts(report, s.map((x) => annotate(report, x)), { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline', userName: '张三', date: '2026年3月1日', reportTitle: '长治市2026年政府工作报告', ...opts }));
/** The text a reader sees: Markdown syntax removed. */
const visible = (m: string) => m.replace(/\*\*|\\|〔[^〕]*〕|\[\^\d+\]/g, '');

describe('toMarkdown', () => {
  it('has title, byline, legend of used colours and every passage', () => {
    const out = md();
    expect(out.startsWith('# 长治市2026年政府工作报告·批注摘录\n')).toBe(true);
    expect(out).toContain('长治市2026年政府工作报告 · 张三 · 2026年3月1日');
    expect(out).toContain('图例：黄＝重点；绿＝数据指标；蓝＝新提法');
    const doc = buildExcerpts(report, specs.map((x) => annotate(report, x)), { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline' });
    for (const e of doc.excerpts) {
      for (const p of e.passages) expect(visible(out)).toContain(`> ${p.text}`);
      expect(out).toContain(`#### ${e.citation}`);
    }
  });

  it('writes part and item headings once each, when they change', () => {
    const out = md();
    expect(out.match(/^## 三、2026年工作安排$/gm)).toHaveLength(1);
    expect(out.match(/^### （二）坚持双碳引领、多能融合，构建新型能源体系$/gm)).toHaveLength(1);
    expect(out.match(/^### （一）坚持内需主导/gm)).toHaveLength(1);
    expect(out.indexOf('## 三、2026年工作安排')).toBeLessThan(out.indexOf('### （一）坚持内需主导'));
  });

  it('bolds marks with edge punctuation outside and names colours when an excerpt has several', () => {
    const out = md();
    expect(out).toContain('**完成农村清洁取暖改造76.3万户**，散乱污');
    expect(out).not.toContain('**完成农村清洁取暖改造76.3万户**〔');
    expect(out).toContain('**全市原煤产量**〔黄〕**稳定在1.7亿吨左右**，〔绿〕洗煤产量');
    expect(out).toContain('标记：黄（重点）、绿（数据指标）');
    expect(out).toContain('标签：#能源 #数据-指标');
  });

  it('puts notes inline with rich formatting kept and Markdown in note text escaped', () => {
    const out = md();
    // Each note names the phrase it is about (an excerpt can hold several highlights).
    expect(out).toContain('**批注（“全市原煤产量稳定”）：**注意\\*口径\\* \\<script\\>x\\</script\\>');
    expect(out).toContain('**批注（“稳定在1.7亿吨左右，”）：**建议**量化**指标，*注意口径*');
    expect(out).toMatch(/^- 原煤产量$/m);
    expect(out).toContain('**批注（整段）：**整段');
    expect(out).not.toContain('[^');
  });

  it('makes footnotes after each excerpt', () => {
    const out = md({ notes: 'footnotes' });
    expect(out).toContain('**稳定**[^3]**在1.7亿吨左右**，[^4]〔绿〕');
    expect(out).toMatch(/^\[\^4\]: 建议\*\*量化\*\*指标，\*注意口径\*$/m);
    expect(out).toMatch(/^ {4}- 原煤产量$/m);
    // Definition of 1 comes before the excerpt that holds 3.
    expect(out.indexOf('[^1]: 第一条')).toBeLessThan(out.indexOf('[^3]:'));
    expect(out).not.toContain('## 注释');
  });

  it('collects endnotes at the end', () => {
    const out = md({ notes: 'endnotes' });
    const end = out.indexOf('## 注释');
    expect(end).toBeGreaterThan(out.lastIndexOf('> '));
    for (const n of [1, 2, 3, 4]) expect(out.indexOf(`[^${n}]: `)).toBeGreaterThan(end);
  });

  it('flags orphans and prints their stored quote', () => {
    const a = annotate(report, { id: 'o', quote: '扛牢能源安全政治责任' });
    a.anchor.quote = '已被删改的原句';
    const out = toMarkdown(buildExcerpts(report, [a], { scope: { kind: 'all' }, passage: 'sentences', notes: 'inline' }));
    expect(out).toContain('**〔原文未找到〕**');
    expect(out).toContain('> **已被删改的原句**');
  });

  it('says so when there is nothing to print', () => {
    expect(md({}, [])).toContain('（没有符合条件的批注）');
  });

  it('escapes syntax characters', () => {
    expect(escapeMarkdown('# 1. a*b_[c]')).toBe('\\# 1. a\\*b\\_\\[c\\]');
    expect(escapeMarkdown('1. 第一')).toBe('1\\. 第一');
    expect(escapeMarkdown('- 项')).toBe('\\- 项');
  });
});
