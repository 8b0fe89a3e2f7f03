/**
 * Export bench (issue 4): DOCX of 50 excerpts (goal < 1 s) and PDF of 50 excerpts through
 * Chromium's page.pdf (goal < 3 s), with baselines measured in the same run: Markdown of the
 * same 50 excerpts, an empty-document DOCX and an empty-document PDF. Also the print HTML of
 * 500 excerpts (the preview must stay responsive).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, launch } from '../tests/e2e/chromium';
import { measure, printTable, ratio, type Row, type Stats } from './lib';
import { buildExcerpts, type ExcerptDocument } from '../shared/export/excerpt-model';
import { toDocx } from '../shared/export/docx';
import { toMarkdown } from '../shared/export/markdown';
import { renderPrintHtml } from '../renderer/print/print-document';
import { bundledReport, manyAnnotations } from '../tests/shared/export/fixture';

// __dirname under tsx's CommonJS mode, import.meta.url under ESM.
const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** @font-face rules of the bundled fonts, pointing at their files (as the app's PDF window does). */
function fontCss(withKai = true): string {
  const sheets = ['@fontsource/noto-serif-sc/400.css', '@fontsource/noto-serif-sc/700.css', '@fontsource/noto-sans-sc/400.css', '@fontsource/noto-sans-sc/700.css'];
  if (withKai) sheets.push('lxgw-wenkai-webfont/lxgwwenkai-regular.css', 'lxgw-wenkai-webfont/lxgwwenkai-bold.css');
  return sheets
    .map((s) => {
      const file = join(root, 'node_modules', s);
      const dir = pathToFileURL(dirname(file)).href;
      return readFileSync(file, 'utf8').replace(/url\(\.\//g, `url(${dir}/`);
    })
    .join('\n');
}

const row = (name: string, s: Stats, goal: string, base?: Stats): Row => ({
  case: name,
  n: s.n,
  'mean ms': s.mean,
  'p50 ms': s.p50,
  'p95 ms': s.p95,
  goal,
  'vs baseline': base ? ratio(s.mean, base.mean) : '—',
});

export default async function exportBench(): Promise<void> {
  const report = await bundledReport();
  const opts = { scope: { kind: 'all' }, passage: 'sentences', notes: 'footnotes', userName: '张三', date: '2026年3月1日' } as const;
  const doc50 = buildExcerpts(report, manyAnnotations(report, 50), opts);
  const doc500 = buildExcerpts(report, manyAnnotations(report, 500), { ...opts, passage: 'paragraph', notes: 'inline' });
  const empty = buildExcerpts(report, [], opts);
  if (doc50.excerpts.length !== 50) throw new Error(`bench assumes 50 separate excerpts, got ${doc50.excerpts.length}`);

  const rows: Row[] = [];
  const md = await measure(() => toMarkdown(doc50), 30, 5);
  rows.push(row('Markdown, 50 excerpts (baseline)', md, '—'));
  const model = await measure(() => buildExcerpts(report, manyAnnotations(report, 50), opts), 30, 5);
  rows.push(row('excerpt model, 50', model, '—', md));
  const docxEmpty = await measure(() => toDocx(empty), 10, 2);
  rows.push(row('DOCX, empty document (baseline)', docxEmpty, '—'));
  const docx50 = await measure(() => toDocx(doc50), 10, 2);
  rows.push(row('DOCX, 50 excerpts', docx50, '< 1000 ms', docxEmpty));
  const html50 = await measure(() => renderPrintHtml(doc50), 30, 5);
  rows.push(row('print HTML, 50 excerpts', html50, '—', md));
  const html500 = await measure(() => renderPrintHtml(doc500), 10, 2);
  rows.push(row('print HTML, 500 excerpts', html500, '< 100 ms', md));

  if (!existsSync(CHROMIUM)) {
    console.log(`\n(PDF rows skipped: ${CHROMIUM} not found)`);
  } else {
    const browser = await launch();
    const dir = mkdtempSync(join(tmpdir(), 'yandu-bench-'));
    try {
      const css = readFileSync(join(root, 'renderer/print/print.css'), 'utf8');
      const fonts = fontCss();
      const pdfOf = (doc: ExcerptDocument, name: string, fontRules = fonts) => {
        const file = join(dir, `${name}.html`);
        writeFileSync(file, renderPrintHtml(doc, { css, fontCss: fontRules }).fullHtml);
        return async () => {
          const page = await browser.newPage();
          await page.goto(pathToFileURL(file).href);
          await page.evaluate(() => document.fonts.ready);
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          await page.close();
          if (pdf.length < 1000) throw new Error('page.pdf returned an empty PDF');
        };
      };
      const pdfEmpty = await measure(pdfOf(empty, 'empty'), 5, 1);
      rows.push(row('PDF, empty document (baseline)', pdfEmpty, '—'));
      const pdf50 = await measure(pdfOf(doc50, 'fifty'), 5, 1);
      rows.push(row('PDF, 50 excerpts (page.pdf)', pdf50, '< 3000 ms', pdfEmpty));
      // What the 楷体 (LXGW WenKai, split by unicode-range) adds to the PDF.
      const pdfNoKai = await measure(pdfOf(doc50, 'fifty-nokai', fontCss(false)), 5, 1);
      rows.push(row('PDF, 50 excerpts, Noto fonts only (no LXGW WenKai)', pdfNoKai, '—', pdfEmpty));
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable('Export: DOCX, PDF, Markdown, print HTML (bundled report, generated annotations)', rows);
}
