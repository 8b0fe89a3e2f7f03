/**
 * 起草: drafts of 代表建议 and 审议发言提纲 built from annotations (the 拟提建议 colour, or any
 * chosen set), edited as rich text, saved as you type, exported as .docx (GB/T 9704) and Markdown.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LegendEntry } from '../../shared/annotations';
import { DRAFT_KIND_LABEL, draftBlocks, draftToDocx, draftToMarkdown, quoteSources, seedDraftJson, type DraftKind, type QuoteSource } from '../../shared/drafts';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { extractTargets } from '../../shared/targets';
import { useAnnotationState, useAnnotationStore } from '../annotations/use-annotation-store';
import type { DraftRow } from '../db/schema';
import { DraftEditor } from './DraftEditor';
import { useFocusOnOpen } from '../app/use-focus-trap';
import { openRange } from '../targets/open-sentence';
import { draftRepository } from './draft-db';
import { DraftContext, type DraftContextValue } from './QuoteNode';
import './drafts.css';

interface Props {
  report: Report;
  reportTitle: string;
  legend: readonly LegendEntry[];
  host: ReaderHost;
  /** The reading view's scroller, to flash the passage of a quote clicked. */
  root: HTMLElement | null;
  jumpTo(paragraphId: string): void;
  toast(text: string): void;
  onClose(): void;
}

const PROPOSAL_COLOR = 'purple';

/** A title usable as a file name on Windows too (no \ / : * ? " < > |), at most 60 characters. */
const fileTitle = (t: string) => t.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 60) || '草稿';

export default function DraftsPane({ report, reportTitle, legend, host, root, jumpTo, toast, onClose }: Props) {
  const paneRef = useRef<HTMLDivElement>(null);
  useFocusOnOpen(paneRef);
  const repo = draftRepository();
  const store = useAnnotationStore();
  const list = useAnnotationState((s) => s.list);
  const resolutions = useAnnotationState((s) => s.resolutions);
  const targets = useMemo(() => extractTargets(report), [report]);
  const sources = useMemo(() => quoteSources(report, list, resolutions, targets), [report, list, resolutions, targets]);
  const byId = useMemo(() => new Map(sources.map((s) => [s.annotationId, s])), [sources]);
  const [drafts, setDrafts] = useState<DraftRow[] | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const purple = legend.find((l) => l.color === PROPOSAL_COLOR)?.meaning ?? '拟提建议';

  const [deleted, setDeleted] = useState<DraftRow[]>([]);
  /** The draft just deleted, offered back by 撤销 (or Ctrl+Z outside the editor). */
  const [undoable, setUndoable] = useState<DraftRow | null>(null);

  const reload = useCallback(async () => {
    const [rows, gone] = await Promise.all([repo.list(report.id), repo.list(report.id, 'deleted')]);
    setDrafts(rows);
    setDeleted(gone);
    return rows;
  }, [repo, report.id]);
  useEffect(() => {
    void reload().then((rows) => setCurrentId((id) => id ?? rows[0]?.id ?? null)).catch((e) => toast(`草稿读取失败：${e instanceof Error ? e.message : String(e)}`));
  }, [reload, toast]);

  const current = drafts?.find((d) => d.id === currentId) ?? null;
  const ctx = useMemo<DraftContextValue>(
    () => ({
      live: (id) => byId.get(id) ?? null,
      jumpToAnnotation: (id) => {
        const r = store.getState().resolutions.get(id);
        if (r && r.status !== 'orphan') openRange(root, jumpTo, r.segmentId, r.start, r.segmentId === r.endSegmentId ? r.end : (report.paragraphs.find((p) => p.id === r.segmentId)?.text.length ?? r.start));
        else toast('原文中找不到这段引文');
      },
    }),
    [byId, store, report, root, jumpTo, toast],
  );

  const create = async (kind: DraftKind) => {
    const picked: QuoteSource[] =
      chosen.size > 0
        ? sources.filter((s) => chosen.has(s.annotationId))
        : kind === 'proposal'
          ? sources.filter((s) => list.find((a) => a.id === s.annotationId)?.color === PROPOSAL_COLOR)
          : sources;
    const now = Date.now();
    const title = kind === 'proposal' ? '关于……的建议' : `对《${reportTitle}》的审议发言提纲`;
    const row: DraftRow = { id: crypto.randomUUID(), reportId: report.id, kind, title, json: seedDraftJson(kind, title, picked), createdAt: now, updatedAt: now };
    await repo.put(row);
    await reload();
    setCurrentId(row.id);
    toast(`已新建${DRAFT_KIND_LABEL[kind]}，引用 ${picked.length} 段原文`);
  };
  const typed = useRef<{ id: string; json: string } | null>(null);
  const remove = async (d: DraftRow) => {
    // What was typed last may not be saved yet: it goes to 最近删除 with the draft.
    if (typed.current?.id === d.id) await repo.saveText(d.id, typed.current.json, d.title);
    await repo.remove(d.id);
    const rows = await reload();
    setUndoable(d);
    if (d.id === currentId) setCurrentId(rows[0]?.id ?? null);
  };
  const restore = async (d: DraftRow) => {
    await repo.restore(d.id);
    await reload();
    setUndoable(null);
    setCurrentId(d.id);
    toast(`已恢复草稿“${d.title}”`);
  };
  const purge = async (d: DraftRow) => {
    if (!window.confirm(`永久删除草稿“${d.title}”？此操作不能撤销。`)) return;
    await repo.purge(d.id);
    if (undoable?.id === d.id) setUndoable(null);
    await reload();
  };
  const onPaneKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return onClose();
    const inEditor = (e.target as HTMLElement).closest('[contenteditable="true"], input, textarea');
    if (undoable && !inEditor && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void restore(undoable);
    }
  };
  const onTyped = useCallback((json: string) => {
    if (currentId) typed.current = { id: currentId, json };
  }, [currentId]);
  const onBeforeClose = useCallback((flush: () => Promise<void>) => host.onBeforeClose(flush), [host]);
  const save = useCallback((json: string, title: string) => repo.saveText(currentId!, json, title), [repo, currentId]);
  const exportAs = async (format: 'docx' | 'md') => {
    if (!current) return;
    const row = current;
    // The draft as on screen: the saved row may be a keystroke behind.
    const json = typed.current?.id === row.id ? typed.current.json : row.json;
    try {
      const blocks = draftBlocks(json, (id) => byId.get(id) ?? null);
      const content = format === 'docx' ? await draftToDocx(blocks) : draftToMarkdown(blocks);
      const res = await host.saveFile({
        suggestedName: `${fileTitle(blocks.find((b) => b.kind === 'title')?.text || row.title)}.${format}`,
        content,
        filters: [format === 'docx' ? { name: 'Word 文档', extensions: ['docx'] } : { name: 'Markdown', extensions: ['md'] }],
      });
      if (!res.ok) toast(`导出失败：${res.error}`);
      else if (res.value) toast(`已导出：${res.value}`);
    } catch (e) {
      toast(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div ref={paneRef} tabIndex={-1} className="drafts-pane" role="dialog" aria-label="起草" onKeyDown={onPaneKey}>
      <aside className="drafts-side">
        <div className="drafts-head">
          <h2>起草</h2>
          <button type="button" className="targets-close" onClick={onClose} aria-label="关闭起草" title="关闭（Esc）">×</button>
        </div>
        <div className="drafts-new">
          <button type="button" className="primary" onClick={() => void create('proposal')} title={`引用选定的批注；未选时引用颜色为“${purple}”的批注`}>新建代表建议</button>
          <button type="button" onClick={() => void create('outline')} title="引用选定的批注；未选时引用全部批注，按报告顺序">新建审议发言提纲</button>
        </div>
        <h3>我的草稿</h3>
        {drafts === null ? (
          <p className="drafts-empty">正在读取……</p>
        ) : drafts.length === 0 ? (
          <p className="drafts-empty">还没有草稿。先在正文中把要引用的段落标成“{purple}”，再点“新建代表建议”。</p>
        ) : (
          <ul className="drafts-list">
            {drafts.map((d) => (
              <li key={d.id} aria-current={d.id === currentId}>
                <button type="button" onClick={() => setCurrentId(d.id)}>
                  <span className="drafts-kind">{DRAFT_KIND_LABEL[d.kind]}</span> {d.title}
                </button>
                <button type="button" className="drafts-delete" onClick={() => void remove(d)} aria-label={`删除草稿 ${d.title}`} title="删除草稿（可在“最近删除”中恢复）">删除</button>
              </li>
            ))}
          </ul>
        )}
        {undoable && (
          <p className="drafts-undo" role="status">
            已删除草稿“{undoable.title}”。
            <button type="button" onClick={() => void restore(undoable)} title="恢复这份草稿（Ctrl+Z）">撤销</button>
          </p>
        )}
        {deleted.length > 0 && (
          <details className="drafts-deleted">
            <summary>最近删除（{deleted.length}）</summary>
            <ul>
              {deleted.map((d) => (
                <li key={d.id}>
                  <span>
                    <span className="drafts-kind">{DRAFT_KIND_LABEL[d.kind]}</span> {d.title}
                  </span>
                  <button type="button" onClick={() => void restore(d)} aria-label={`恢复草稿 ${d.title}`}>恢复</button>
                  <button type="button" onClick={() => void purge(d)} aria-label={`永久删除草稿 ${d.title}`}>永久删除</button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <h3>选定引用的批注（{chosen.size}）</h3>
        {sources.length === 0 ? (
          <p className="drafts-empty">还没有批注。</p>
        ) : (
          <ul className="drafts-pick">
            {sources.map((s) => (
              <li key={s.annotationId}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(s.annotationId)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(s.annotationId);
                      else next.delete(s.annotationId);
                      setChosen(next);
                    }}
                  />
                  <span className={`drafts-swatch color-${list.find((a) => a.id === s.annotationId)?.color ?? ''}`} aria-hidden />
                  {s.label || '—'} {s.quote.slice(0, 24)}
                  {s.quote.length > 24 ? '……' : ''}
                </label>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <section className="drafts-main">
        {current ? (
          <>
            <div className="drafts-actions">
              <span className="drafts-saved">{DRAFT_KIND_LABEL[current.kind]} · 自动保存</span>
              <button type="button" onClick={() => void exportAs('docx')}>导出 Word（公文格式）</button>
              <button type="button" onClick={() => void exportAs('md')}>导出 Markdown</button>
            </div>
            <DraftContext.Provider value={ctx}>
              <DraftEditor key={current.id} draft={current} save={save} onBeforeClose={onBeforeClose} onTyped={onTyped} />
            </DraftContext.Provider>
          </>
        ) : (
          <p className="drafts-empty">选择或新建一份草稿。</p>
        )}
      </section>
    </div>
  );
}
