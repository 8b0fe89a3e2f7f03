import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { sharedBrowser, openReader, screenshot, SCREENSHOT_DIR } from './browser';
import { bundledReport, makeAnnotations, seed, type SeedSpec } from './seed';
import { toDisplayText } from '../../shared/report/display';

const browser = sharedBrowser();

const COLORS = ['yellow', 'green', 'blue', 'red', 'purple'] as const;

describe('打印摘录', () => {
  it('explains how to start when there are no annotations', async () => {
    const { context, page } = await openReader(browser());
    await page.keyboard.press('Control+p');
    const dialog = page.locator('[role=dialog][aria-label="打印摘录"]');
    await expect.poll(() => dialog.innerText()).toContain('还没有批注');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  it('prints 20 annotated excerpts to an A4 PDF with labels, notes and page footer', async () => {
    const { context, page } = await openReader(browser());
    const report = bundledReport();
    const bodies = report.paragraphs.filter((p) => p.kind === 'body' && p.text.length > 40).slice(0, 20);
    const specs: SeedSpec[] = bodies.map((p, i) => ({
      paragraphId: p.id,
      start: 2,
      end: 14,
      color: COLORS[i % 5],
      note: `第${i + 1}条批注：请核实本段数据`,
      tags: i % 2 ? ['数据'] : [],
    }));
    await seed(page, makeAnnotations(report, specs));
    await page.getByRole('button', { name: '打印摘录' }).click();
    const preview = page.locator('[aria-label="打印预览"]');
    await preview.waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.locator('.excerpt-status').innerText()).toContain('20');
    await screenshot(page, 'print-builder');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = `${SCREENSHOT_DIR}/excerpts.pdf`;
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const [i, p] of bodies.entries()) {
      expect(text).toContain(p.label);
      expect(text).toContain(toDisplayText(p.text.slice(2, 14)).replace(/\s+/g, ''));
      expect(text).toContain(`第${i + 1}条批注：请核实本段数据`);
    }
    expect(text).toMatch(/第1页\/共\d+页/);
    // The app chrome is not printed: only the preview.
    expect(text).not.toContain('批注列表');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, `${SCREENSHOT_DIR}/excerpts-page`]);
    expect(readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('excerpts-page')).length).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('flags the source\'s typos (※ 勘误提示) in the printed PDF', async () => {
    const { context, page } = await openReader(browser());
    const report = bundledReport();
    const p = report.paragraphs.find((x) => x.text.includes('丰炉煤气'))!;
    const at = p.text.indexOf('大力发展绿电制氢');
    await seed(page, makeAnnotations(report, [{ paragraphId: p.id, start: at, end: at + 8, color: 'yellow', note: '氢能：核实“一城四区”，加粗' }]));
    await page.getByRole('button', { name: '打印摘录' }).click();
    await page.locator('[aria-label="打印预览"]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = `${SCREENSHOT_DIR}/excerpts-typo.pdf`;
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // In reading order: PDF readers extract the punctuation font's glyphs in place (TrueType outlines).
    expect(text).toContain('大力发展绿电制氢、丰炉煤气※制氢，加快产能跃升');
    expect(text).toContain('※勘误提示：原文“丰炉煤气”疑为“焦炉煤气”（原文如此）');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, `${SCREENSHOT_DIR}/excerpts-typo`]);
    await context.close();
  });

  it('downloads Markdown and Word files from the browser host', async () => {
    const { context, page } = await openReader(browser());
    const report = bundledReport();
    await seed(page, makeAnnotations(report, [{ paragraphId: 'p3-2-1', start: 0, end: 10, color: 'red', note: '需要追问进度' }]));
    await page.keyboard.press('Control+p');
    await page.locator('[aria-label="打印预览"]').waitFor();
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    const mdText = await (await md.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(mdText).toContain('需要追问进度');
    expect(mdText).toContain('三(二)¶1');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = Buffer.concat(await (await docx.createReadStream()).toArray());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  it('prints and exports every excerpt of 2,000 annotations, not just the preview\'s first ones', async () => {
    const { context, page } = await openReader(browser());
    const report = bundledReport();
    // One short highlight per sentence, round after round: sentences never merge with each other,
    // so the document has one excerpt per annotated sentence, far more than the preview shows.
    const sentences = report.paragraphs
      .filter((p) => p.kind === 'body')
      .flatMap((p) => p.sentences.filter((s) => s.end - s.start > 12).map((s) => ({ p, s })));
    const specs: SeedSpec[] = [];
    for (let round = 0; specs.length < 2000; round++) {
      for (const { p, s } of sentences) {
        if (specs.length === 2000) break;
        const at = s.start + (round % 10);
        specs.push({ paragraphId: p.id, start: at, end: at + 2, color: COLORS[specs.length % 5], note: `第${specs.length + 1}条核对意见` });
      }
    }
    await seed(page, makeAnnotations(report, specs));
    const last = sentences[sentences.length - 1];
    const lastNotes = specs.filter((x) => x.paragraphId === last.p.id && x.start >= last.s.start && x.start < last.s.end).map((x) => x.note!);

    await page.getByRole('button', { name: '打印摘录' }).click();
    const preview = page.locator('[aria-label="打印预览"]');
    await preview.locator('.yd-excerpt').first().waitFor();
    const status = page.locator('.excerpt-builder .excerpt-status');
    await expect.poll(() => status.first().innerText()).toBe(`共 ${sentences.length} 条摘录`);
    // The preview holds only its first excerpts...
    const shown = await preview.locator('.yd-excerpt').count();
    expect(shown).toBeLessThan(sentences.length);
    expect((await preview.innerText()).replace(/\s+/g, '')).not.toContain(lastNotes[0]);

    // ... Markdown takes the whole document (built from the excerpts the preview never showed) ...
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Markdown' }).click()]);
    const mdRaw = await (await md.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const mdText = mdRaw.replace(/\s+/g, '');
    for (const note of lastNotes) expect(mdText).toContain(note);
    expect(mdText).toContain('第2000条核对意见');
    expect(mdRaw.match(/^#### /gm)?.length).toBe(sentences.length);

    // ... and 打印 fills the preview with every excerpt before the print dialog opens.
    await page.evaluate(() => {
      window.print = () => {
        const el = document.querySelector('[aria-label="打印预览"]')!;
        (window as unknown as { printed: { excerpts: number } }).printed = { excerpts: el.querySelectorAll('.yd-excerpt').length };
      };
    });
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: { excerpts: number } }).printed?.excerpts)).toBe(sentences.length);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = `${SCREENSHOT_DIR}/excerpts-2000.pdf`;
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).replace(/\s+/g, '');
    expect(text).toContain(`${last.p.label}`);
    for (const note of lastNotes) expect(text).toContain(note);
    expect(text).toContain('第2000条核对意见');
    expect(text).toContain('第1条核对意见');
    await context.close();
  }, 300_000);
});
