// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND } from '../../../shared/annotations/model';
import { buildExcerpts, type ExcerptOptions } from '../../../shared/export/excerpt-model';
import { escapeHtml, legendStyle, pageCss, renderPrintHtml } from '../../../renderer/print/print-document';
import { annotate, bundledReport, sampleAnnotations } from '../../shared/export/fixture';

const css = readFileSync(join(__dirname, '../../../renderer/print/print.css'), 'utf8');
const report = await bundledReport();
const annotations = sampleAnnotations(report);
const options: ExcerptOptions = {
  scope: { kind: 'all' },
  passage: 'sentences',
  notes: 'footnotes',
  userName: '张三',
  date: '2026年3月1日',
  reportTitle: '长治市2026年政府工作报告',
};
const build = (o: Partial<ExcerptOptions> = {}) => buildExcerpts(report, annotations, { ...options, ...o });
const dom = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** Visible passage text of a `<p>`, without note reference numbers. */
const passageText = (p: Element) => {
  const c = p.cloneNode(true) as Element;
  c.querySelectorAll('.yd-ref').forEach((r) => r.remove());
  return c.textContent;
};

describe('renderPrintHtml', () => {
  it('prints every excerpt with its citation, passage and marks', () => {
    const doc = build();
    const d = dom(renderPrintHtml(doc, { css }).fullHtml);
    const sections = [...d.querySelectorAll('section.yd-excerpt')];
    expect(sections).toHaveLength(doc.excerpts.length);
    doc.excerpts.forEach((e, i) => {
      const s = sections[i];
      expect(s.getAttribute('data-annotation-ids')).toBe(e.entries.map((x) => x.annotationId).join(' '));
      expect(s.querySelector('.yd-excerpt-cite')!.textContent).toBe(e.citation || '（位置未知）');
      expect([...s.querySelectorAll('.yd-passage p')].map(passageText)).toEqual(e.passages.map((p) => p.text));
      const marked = e.passages.flatMap((p) => p.marks).length;
      expect(s.querySelectorAll('.yd-passage mark.yd-mark').length).toBeGreaterThanOrEqual(marked);
    });
    const s03 = sections[doc.excerpts.findIndex((e) => e.id === 's03')];
    expect(s03.querySelector('mark.yd-c-green')!.textContent).toBe('浓度降至30微克/立方米');
    expect(s03.querySelector('.yd-passage sub')!.textContent).toBe('2.5');
    for (const title of new Set(doc.excerpts.map((e) => e.sectionPath[0]))) {
      expect([...d.querySelectorAll('h2.yd-print-part')].filter((h) => h.textContent === title)).toHaveLength(1);
    }
  });

  it('escapes note text, names, tags and legend meanings instead of injecting them', () => {
    const evil = annotate(report, { id: 'evil"><b>x', quote: '打造高水平孵化平台和加速器', note: '<script>alert(1)</script><img src=x onerror=alert(2)>', tags: ['"><i>t</i>'], author: '<b>王</b>' });
    const legend = DEFAULT_LEGEND.map((l) => (l.color === 'yellow' ? { ...l, meaning: '<em>重点</em>', css: 'red;}</style><script>alert(3)</script>' } : l));
    const doc = buildExcerpts(report, [evil], { ...options, notes: 'inline', legend, userName: '<script>u</script>' });
    const { bodyHtml, fullHtml } = renderPrintHtml(doc, { css });
    expect(fullHtml).not.toMatch(/<script/i);
    expect(fullHtml).not.toMatch(/<img/i);
    const d = dom(fullHtml);
    expect(d.querySelectorAll('script, img, b, i, em').length).toBe(0);
    expect(d.querySelector('.yd-note')!.textContent).toBe('批注（“打造高水平孵化平台和加速器”）：<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(d.querySelector('.yd-excerpt-meta')!.textContent).toContain('#"><i>t</i>');
    expect(d.querySelector('.yd-excerpt')!.getAttribute('data-annotation-ids')).toBe('evil"><b>x');
    expect(bodyHtml).toContain('--yd-yellow:transparent');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('numbers footnotes under each excerpt, with references after the marks', () => {
    const doc = build();
    const d = dom(renderPrintHtml(doc, { css }).bodyHtml);
    const refs = [...d.querySelectorAll('.yd-ref a')].map((a) => Number(a.textContent));
    expect(refs).toEqual(Array.from({ length: doc.noteCount }, (_, i) => i + 1));
    for (const n of refs) {
      const li = d.getElementById(`yd-note-${n}`)!;
      expect(li.closest('section.yd-excerpt')).toBe(d.getElementById(`yd-ref-${n}`)!.closest('section.yd-excerpt'));
      expect(li.querySelector('.yd-note-no')!.textContent).toBe(`${n}.`);
    }
    const rich = d.getElementById('yd-note-5')!;
    expect(rich.querySelector('strong')!.textContent).toBe('量化');
    expect(rich.querySelector('em')!.textContent).toBe('注意口径');
    expect([...rich.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['原煤产量', '洗选率']);
    expect(d.querySelectorAll('.yd-note').length).toBe(0);
  });

  it('collects endnotes at the end, or prints notes inline in 楷体 blocks', () => {
    const end = dom(renderPrintHtml(build({ notes: 'endnotes' }), { css }).bodyHtml);
    expect(end.querySelectorAll('.yd-footnotes').length).toBe(0);
    const items = [...end.querySelectorAll('.yd-endnotes > ul > li')];
    expect(end.querySelectorAll('ol.yd-footnotes, .yd-endnotes > ol').length).toBe(0);
    expect(items.map((li) => li.querySelector('.yd-note-no')!.textContent)).toEqual(items.map((_, i) => `${i + 1}.`));
    expect(items.map((li) => li.id)).toEqual(Array.from({ length: items.length }, (_, i) => `yd-note-${i + 1}`));
    expect(end.querySelector('.yd-print')!.lastElementChild!.className).toBe('yd-endnotes');

    const doc = build({ notes: 'inline' });
    const inl = dom(renderPrintHtml(doc, { css }).bodyHtml);
    expect(inl.querySelectorAll('.yd-note').length).toBe(doc.excerpts.flatMap((e) => e.entries.filter((x) => x.note)).length);
    expect(inl.querySelectorAll('.yd-ref').length).toBe(0);
    expect(css).toMatch(/\.yd-note \{[^}]*font-family: var\(--yd-kai\)/);
    expect(css).toContain('--yd-kai: "YD Punct Serif", "LXGW WenKai", "KaiTi", "STKaiti", serif;');
  });

  it('flags orphans with 原文未找到', () => {
    const doc = build();
    const d = dom(renderPrintHtml(doc, { css }).bodyHtml);
    const orphanIdx = doc.excerpts.findIndex((e) => e.orphan);
    const s = d.querySelectorAll('section.yd-excerpt')[orphanIdx];
    expect(s.querySelector('.yd-orphan')!.textContent).toContain('原文未找到');
    expect(s.querySelector('.yd-passage-orphan')).not.toBeNull();
    expect(d.querySelectorAll('.yd-orphan').length).toBe(doc.excerpts.filter((e) => e.orphan).length);
  });

  it('has the header, a grayscale-proof legend and the user legend colours', () => {
    const doc = build();
    const { bodyHtml } = renderPrintHtml(doc, { css });
    const d = dom(bodyHtml);
    expect(d.querySelector('.yd-print-title')!.textContent).toBe('长治市2026年政府工作报告·批注摘录');
    expect(d.querySelector('.yd-print-byline')!.textContent).toBe('长治市2026年政府工作报告张三2026年3月1日');
    const legend = [...d.querySelectorAll('.yd-print-legend > div')].map((x) => x.textContent);
    expect(legend).toEqual(['黄重点 （实线）', '绿数据指标 （双线）', '蓝新提法 （虚线）', '红疑问 （波浪线）', '紫拟提建议 （点线）']);
    expect(legendStyle(DEFAULT_LEGEND)).toContain('--yd-red:#f5b8b3;--yd-red-u:wavy');
    for (const c of ['yellow', 'green', 'blue', 'red', 'purple']) {
      expect(css).toContain(`.yd-c-${c} { background-color: var(--yd-${c}); text-decoration-style: var(--yd-${c}-u); }`);
    }
    expect(css).toMatch(/\.yd-excerpt \{[^}]*break-inside: avoid/);
  });

  it('sets up A4 pages with the 第 n 页 / 共 N 页 footer and a running header', () => {
    const doc = build();
    const fontCss = '@font-face { font-family: "Noto Serif SC"; src: url(x.woff2); } /* </style><script>bad()</script> */';
    const { fullHtml, bodyHtml } = renderPrintHtml(doc, { css, fontCss });
    expect(css).toMatch(/@page \{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;\s*@bottom-center \{\s*content: "第 " counter\(page\) " 页 \/ 共 " counter\(pages\) " 页";/);
    expect(fullHtml).toContain(css.slice(0, 200));
    expect(fullHtml).toContain('@font-face { font-family: "Noto Serif SC"');
    expect(dom(fullHtml).querySelectorAll('script').length).toBe(0);
    expect(pageCss(doc)).toBe('@page { @top-center { content: "长治市2026年政府工作报告　张三　2026年3月1日"; font-family: "Noto Serif SC", "SimSun", serif; font-size: 9pt; color: #555; } }');
    expect(pageCss({ ...doc, userName: '"}</style>' })).toContain('\\"}\\3C /style>');
    expect(fullHtml).toContain(pageCss(doc));
    expect(bodyHtml.startsWith('<article class="yd-print" lang="zh-CN"')).toBe(true);
  });

  it('says what to do when there is nothing to print', () => {
    const doc = buildExcerpts(report, [], options);
    expect(dom(renderPrintHtml(doc).bodyHtml).querySelector('.yd-print-empty')!.textContent).toContain('选中正文中的文字即可高亮或添加批注');
  });
});
