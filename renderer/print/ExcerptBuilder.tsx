/**
 * 打印摘录: choose which annotations to print and how, see the A4 preview live, then print,
 * save a PDF, a Word document or Markdown. Rendered in a portal beside the app root so print
 * CSS can hide the whole app and print exactly the preview.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createPortal } from 'react-dom';
import type { ResolvedAnchor } from '../../shared/anchoring';
import { sortByReadingOrder, type Annotation, type LegendEntry } from '../../shared/annotations';
import { applyListFilter, type ListFilter } from '../annotations/list-filter';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { formatChineseDate, planExcerpts, type ExcerptScope, type NotesPlacement, type PassageMode } from '../../shared/export/excerpt-model';
import { toMarkdown } from '../../shared/export/markdown';
import { legendStyle, pageCss, printExcerptsHtml, printHeadHtml, renderPrintHtml } from './print-document';
import printCss from './print.css?raw';
import './print.css';
import { embeddedFontCss } from './embed-fonts';
import { useFocusTrap } from '../app/use-focus-trap';
import { labelOf } from '../annotations/citation';

interface Props {
  report: Report;
  reportTitle: string;
  annotations: readonly Annotation[];
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  legend: readonly LegendEntry[];
  /** The annotation list's current filter (scope 当前筛选). */
  listFilter: ListFilter;
  userName: string;
  host: ReaderHost;
  toast(text: string): void;
  onClose(): void;
}

type ScopeKind = 'all' | 'filter' | 'picked';

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

/**
 * What the preview holds at first, and adds each time it is scrolled near its end: excerpts up
 * to a count and up to a number of annotations in them, whichever comes first. With 20,000
 * annotations the whole document is thousands of A4 pages and one excerpt may carry dozens of
 * notes; only the excerpts shown are built (see `planExcerpts`). Printing renders all first;
 * PDF, Word and Markdown never use the preview.
 */
export const PREVIEW_FIRST = { excerpts: 120, annotations: 300 };
const PREVIEW_MORE = { excerpts: 240, annotations: 600 };

/** How many excerpts fit `steps` preview steps (the first step, then `steps - 1` more). */
function previewLength(size: (i: number) => number, count: number, steps: number): number {
  if (!Number.isFinite(steps)) return count;
  const maxExcerpts = PREVIEW_FIRST.excerpts + (steps - 1) * PREVIEW_MORE.excerpts;
  const maxAnnotations = PREVIEW_FIRST.annotations + (steps - 1) * PREVIEW_MORE.annotations;
  let n = 0;
  let annotations = 0;
  // At least one excerpt, however many annotations it merges.
  while (n < count && n < maxExcerpts && (n === 0 || annotations + size(n) <= maxAnnotations)) annotations += size(n++);
  return n;
}

export function ExcerptBuilder(props: Props) {
  const { report, reportTitle, annotations, resolutions, legend, listFilter, host, toast, onClose } = props;
  const [scopeKind, setScopeKind] = useState<ScopeKind>('all');
  const [picked, setPicked] = useState<Set<string>>(() => new Set(annotations.map((a) => a.id)));
  const [passage, setPassage] = useState<PassageMode>('sentences');
  const [notes, setNotes] = useState<NotesPlacement>('inline');
  const [userName, setUserName] = useState(props.userName);
  const [date, setDate] = useState(() => formatChineseDate(new Date()));
  const [busy, setBusy] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);
  // The A4 page scales down to the space beside the controls (a 1024 px window), never up.
  const previewScroll = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = previewScroll.current;
    const page = box?.querySelector<HTMLElement>('.excerpt-preview');
    if (!box || !page) return;
    const fit = () => {
      page.style.zoom = '';
      const room = box.clientWidth - 48;
      const scale = Math.min(1, room / page.offsetWidth);
      page.style.zoom = scale < 1 ? String(scale) : '';
    };
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const returnFocus = useRef<Element | null>(null);

  // Before the first paint, so the app behind is hidden (see excerpt-builder.css) before the
  // preview's first layout.
  useLayoutEffect(() => {
    returnFocus.current = document.activeElement;
    document.body.classList.add('printing-excerpts');
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
    return () => {
      document.body.classList.remove('printing-excerpts');
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    };
  }, []);

  // Only the 手动勾选 list needs every annotation in reading order.
  const ordered = useMemo(() => (scopeKind === 'picked' ? sortByReadingOrder(report, annotations, resolutions) : []), [scopeKind, report, annotations, resolutions]);
  // Resolutions are keyed by annotation id, the model asks by anchor: one lookup table, not a
  // search through every annotation per annotation.
  const idOfAnchor = useMemo(() => new Map(annotations.map((a) => [a.anchor, a.id])), [annotations]);

  const filteredIds = useMemo(() => applyListFilter(report, annotations, resolutions, listFilter).map((a) => a.id), [report, annotations, resolutions, listFilter]);

  const scope: ExcerptScope = useMemo(() => {
    if (scopeKind === 'picked') return { kind: 'picked', ids: [...picked] };
    if (scopeKind === 'filter') {
      // The list filter's ids, so the printed set is exactly what the list shows.
      return { kind: 'picked', ids: filteredIds };
    }
    return { kind: 'all' };
  }, [scopeKind, picked, filteredIds]);

  const resolve = useMemo(
    () => (anchor: Annotation['anchor']) => {
      const id = idOfAnchor.get(anchor);
      const r = id === undefined ? undefined : resolutions.get(id);
      return r && r.status !== 'orphan' ? { segmentId: r.segmentId, start: r.start, endSegmentId: r.endSegmentId, end: r.end } : null;
    },
    [idOfAnchor, resolutions],
  );
  // Grouping and numbering only; excerpts are built as the preview (or an export) asks for them.
  const plan = useMemo(
    () => planExcerpts(report, annotations, { scope, passage, notes, reportTitle, legend, resolve }),
    [report, annotations, scope, passage, notes, reportTitle, legend, resolve],
  );
  // Preview steps loaded by scrolling (Infinity: everything, before printing).
  const [previewSteps, setPreviewSteps] = useState(1);
  const shown = useMemo(() => previewLength(plan.size, plan.count, previewSteps), [plan, previewSteps]);
  const partial = shown < plan.count;
  const shownDoc = useMemo(() => ({ ...plan.head, excerpts: plan.first(shown) }), [plan, shown]);
  const excerptsHtml = useMemo(() => printExcerptsHtml(shownDoc), [shownDoc]);
  // Name and date only change the header: typing them neither rebuilds nor repaints the excerpts.
  const previewDoc = useMemo(() => ({ ...shownDoc, userName, date }), [shownDoc, userName, date]);
  const headHtml = useMemo(() => printHeadHtml(previewDoc), [previewDoc]);
  const legendVars = useMemo(
    () => Object.fromEntries(legendStyle(plan.head.legend).split(';').map((d) => d.split(':', 2) as [string, string])) as React.CSSProperties,
    [plan.head.legend],
  );
  /** The whole document, for print/PDF/Word/Markdown: builds the excerpts not yet shown. */
  const wholeDoc = () => (partial ? { ...plan.document(), userName, date } : previewDoc);
  const moreRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = moreRef.current;
    const box = previewScroll.current;
    if (!partial || !el || !box) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setPreviewSteps((n) => n + 1);
    }, { root: box, rootMargin: '0px 0px 1200px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [partial, excerptsHtml]);

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      toast(`${what}失败：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const baseName = safeName(`${reportTitle}批注摘录`);
  const exportPdf = () =>
    run('导出 PDF', async () => {
      // The whole document, not the preview (which may hold only its first excerpts).
      const doc = wholeDoc();
      const body = renderPrintHtml(doc, { css: printCss }).bodyHtml;
      const fontCss = await embeddedFontCss(body.replace(/<[^>]+>/g, ''), ['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai', 'YD Punct Serif', 'YD Punct Sans']);
      const full = renderPrintHtml(doc, { css: printCss, fontCss }).fullHtml;
      const res = await host.printToPdf({ html: full, suggestedName: `${baseName}.pdf` });
      if (!res.ok) throw new Error(res.error);
      if (res.value) toast(`已保存 PDF：${res.value}`);
    });
  const exportDocx = () =>
    run('导出 Word', async () => {
      // The docx library is a third of the app's code: loaded only for a Word export.
      const { toDocx } = await import('../../shared/export/docx');
      const bytes = await toDocx(wholeDoc());
      const res = await host.saveFile({ suggestedName: `${baseName}.docx`, content: bytes, filters: [{ name: 'Word 文档', extensions: ['docx'] }] });
      if (!res.ok) throw new Error(res.error);
      if (res.value) toast(`已保存：${res.value}`);
    });
  const exportMd = () =>
    run('导出 Markdown', async () => {
      const res = await host.saveFile({ suggestedName: `${baseName}.md`, content: toMarkdown(wholeDoc()), filters: [{ name: 'Markdown', extensions: ['md'] }] });
      if (!res.ok) throw new Error(res.error);
      if (res.value) toast(`已保存：${res.value}`);
    });
  const print = () =>
    run('打印', async () => {
      // Only the preview prints: let it hold every excerpt first.
      if (partial) {
        flushSync(() => setPreviewSteps(Number.POSITIVE_INFINITY));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      await document.fonts.ready;
      const res = await host.print();
      if (!res.ok) throw new Error(res.error);
    });

  const togglePick = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return createPortal(
    <div
      className="excerpt-builder"
      role="dialog"
      aria-modal="true"
      aria-label="打印摘录"
      ref={dialog}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
          e.preventDefault();
          e.stopPropagation();
          void print();
        }
      }}
    >
      <style>{pageCss(previewDoc)}</style>
      <div className="excerpt-controls">
        <div className="excerpt-controls-head">
          <h2>打印摘录</h2>
          <button type="button" className="icon" aria-label="关闭" title="关闭（Esc）" onClick={onClose}>
            ×
          </button>
        </div>
        {annotations.length === 0 ? (
          <p className="empty">还没有批注。先在正文中选中文字，点选颜色或“批注”，再回到这里打印摘录。</p>
        ) : (
          <>
            <fieldset>
              <legend>范围</legend>
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} /> 全部批注（{annotations.length}）
              </label>
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'filter'} onChange={() => setScopeKind('filter')} /> 批注列表当前筛选（{filteredIds.length}）
              </label>
              <label>
                <input type="radio" name="scope" checked={scopeKind === 'picked'} onChange={() => setScopeKind('picked')} /> 手动勾选（{picked.size}）
              </label>
              {scopeKind === 'picked' && (
                <ul className="excerpt-picklist" aria-label="勾选要打印的批注">
                  {ordered.map((a) => (
                    <li key={a.id}>
                      <label>
                        <input type="checkbox" checked={picked.has(a.id)} onChange={() => togglePick(a.id)} />
                        <span className={`swatch swatch-${a.color}`} aria-hidden /> {labelOf(report, resolutions.get(a.id)) ?? '原文未找到'}{' '}
                        {toDisplayText(a.anchor.quote).slice(0, 24)}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <fieldset>
              <legend>摘录内容</legend>
              <label>
                <input type="radio" name="passage" checked={passage === 'sentences'} onChange={() => setPassage('sentences')} /> 所在句子
              </label>
              <label>
                <input type="radio" name="passage" checked={passage === 'paragraph'} onChange={() => setPassage('paragraph')} /> 整段
              </label>
            </fieldset>
            <fieldset>
              <legend>批注位置</legend>
              <label>
                <input type="radio" name="notes" checked={notes === 'inline'} onChange={() => setNotes('inline')} /> 随文
              </label>
              <label>
                <input type="radio" name="notes" checked={notes === 'footnotes'} onChange={() => setNotes('footnotes')} /> 脚注
              </label>
              <label>
                <input type="radio" name="notes" checked={notes === 'endnotes'} onChange={() => setNotes('endnotes')} /> 尾注
              </label>
            </fieldset>
            <fieldset>
              <legend>页眉</legend>
              <label className="field">
                姓名 <input type="text" value={userName} maxLength={40} onChange={(e) => setUserName(e.target.value)} />
              </label>
              <label className="field">
                日期 <input type="text" value={date} maxLength={40} onChange={(e) => setDate(e.target.value)} />
              </label>
            </fieldset>
          </>
        )}
        <div className="excerpt-actions">
          <button type="button" onClick={() => void print()} disabled={!!busy} title="系统打印对话框（Ctrl+P）">
            打印
          </button>
          <button type="button" onClick={() => void exportPdf()} disabled={!!busy}>
            导出 PDF
          </button>
          <button type="button" onClick={() => void exportDocx()} disabled={!!busy}>
            导出 Word
          </button>
          <button type="button" onClick={() => void exportMd()} disabled={!!busy}>
            导出 Markdown
          </button>
        </div>
        <p className="excerpt-status" role="status">
          {busy ? `正在${busy}……` : `共 ${plan.count} 条摘录`}
        </p>
        {partial && !busy && (
          <p className="excerpt-status hint">
            预览先显示前 {previewDoc.excerpts.length} 条，向下滚动显示更多；打印和导出包含全部 {plan.count} 条。
          </p>
        )}
      </div>
      <div className="excerpt-preview-scroll" ref={previewScroll}>
        <div
          className="excerpt-preview"
          role="region"
          aria-label="打印预览"
          data-passage={passage}
          data-notes={notes}
        >
          {/* The article renderPrintHtml writes, in two parts so a name or date typed repaints the head only. */}
          <article className="yd-print" lang="zh-CN" style={legendVars}>
            <div className="yd-print-slot" dangerouslySetInnerHTML={{ __html: headHtml }} />
            <div className="yd-print-slot" dangerouslySetInnerHTML={{ __html: excerptsHtml }} />
          </article>
        </div>
        {partial && <div ref={moreRef} className="excerpt-preview-more" aria-hidden />}
      </div>
    </div>,
    document.body,
  );
}
