/**
 * 目标任务: the report's targets as a table (filter by part and 类别, sort, search), each row
 * opening its sentence; a row can be flagged 关注 / 存疑 / 拟提问 with a note (an annotation on the
 * figure). Exports .xlsx and .csv. The 两年对照 tab sets last year's report beside this one.
 */
import { useMemo, useRef, useState } from 'react';
import { useFocusOnOpen } from '../app/use-focus-trap';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { extractTargets, TARGET_CATEGORIES, targetsToCsv, targetsToXlsx, type TargetCategory, type TargetRow } from '../../shared/targets';
import { useAnnotationState, useAnnotationStore } from '../annotations/use-annotation-store';
import { FLAGS, flagOf, flagRow, type Flag } from './flag';
import { DEFAULT_VIEW, viewRows, type SortKey, type TableView } from './table-view';
import { YearCompare } from './YearCompare';
import { openSentence } from './open-sentence';
import './targets.css';
import { toDisplayText } from '../../shared/report/display';

interface Props {
  report: Report;
  reportTitle: string;
  author: string;
  host: ReaderHost;
  /** Last year's report when the 书架 has it; otherwise the user picks a file in 两年对照. */
  lastYear?: Report | null;
  /** Opens last year's report (on the 书架) at a row's sentence. */
  openLastYear?(row: TargetRow): void;
  /** The reading view's scroller, to flash the sentence opened. */
  root: HTMLElement | null;
  jumpTo(paragraphId: string): void;
  toast(text: string): void;
  onClose(): void;
}

const COLUMNS: { key: SortKey; title: string }[] = [
  { key: 'place', title: '位置' },
  { key: 'category', title: '类别' },
  { key: 'indicator', title: '指标' },
  { key: 'direction', title: '方向' },
  { key: 'value', title: '数值' },
];

export default function TargetsPane({ report, reportTitle, author, host, lastYear = null, openLastYear, root, jumpTo, toast, onClose }: Props) {
  const paneRef = useRef<HTMLDivElement>(null);
  useFocusOnOpen(paneRef);
  const open = (r: TargetRow) => openSentence(report, root, jumpTo, r.paragraphId, r.sentenceId);
  const rows = useMemo(() => extractTargets(report), [report]);
  const [tab, setTab] = useState<'table' | 'years'>('table');
  const [view, setView] = useState<TableView>(DEFAULT_VIEW);
  const shown = useMemo(() => viewRows(rows, view), [rows, view]);
  const parts = useMemo(() => [...new Set(rows.map((r) => r.part))].sort((a, b) => a - b), [rows]);
  const partTitle = (n: number) => report.paragraphs.find((p) => p.part === n && p.kind === 'part')?.text.slice(0, 18) ?? (n === 0 ? '开篇' : `第${n}部分`);
  const list = useAnnotationState((s) => s.list);
  const store = useAnnotationStore();
  const [editing, setEditing] = useState<{ row: TargetRow; flag: Flag; note: string } | null>(null);

  const sortBy = (key: SortKey) => setView((v) => ({ ...v, sort: key, descending: v.sort === key ? !v.descending : false }));
  const save = async (name: string, content: string | Uint8Array, ext: string, kind: string) => {
    const res = await host.saveFile({ suggestedName: `${reportTitle || '报告'}·目标任务.${ext}`, content, filters: [{ name: kind, extensions: [ext] }] });
    if (!res.ok) toast(`导出失败：${res.error}`);
    else if (res.value) toast(`已导出${name}：${res.value}`);
  };
  const exportXlsx = async () => {
    try {
      await save('Excel 表格', await targetsToXlsx(shown, reportTitle), 'xlsx', 'Excel 表格');
    } catch (e) {
      toast(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const saveFlag = async () => {
    if (!editing) return;
    const done = await flagRow(store, report, editing.row, editing.flag, editing.note.trim(), author);
    toast(done ? `已标记“${editing.flag}”：${editing.row.indicator} ${editing.row.value}（见批注列表）` : '标记失败：原文中找不到这个数值');
    setEditing(null);
  };

  return (
    <div ref={paneRef} tabIndex={-1} className="targets-pane" role="dialog" aria-label="目标任务" onKeyDown={(e) => e.key === 'Escape' && (editing ? setEditing(null) : onClose())}>
      <div className="targets-head">
        <div role="tablist" aria-label="目标任务视图">
          <button type="button" role="tab" aria-selected={tab === 'table'} onClick={() => setTab('table')}>目标任务</button>
          <button type="button" role="tab" aria-selected={tab === 'years'} onClick={() => setTab('years')}>两年对照</button>
        </div>
        <button type="button" className="targets-close" onClick={onClose} aria-label="关闭目标任务" title="关闭（Esc）">×</button>
      </div>
      {tab === 'years' ? (
        <YearCompare report={report} lastYear={lastYear} host={host} open={open} openLastYear={openLastYear} toast={toast} />
      ) : (
        <>
          <div className="targets-controls">
            <input
              type="search"
              placeholder="搜索指标、数值或原文"
              aria-label="搜索目标任务"
              value={view.query}
              onChange={(e) => setView((v) => ({ ...v, query: e.target.value }))}
            />
            <select aria-label="按部分筛选" value={view.part ?? ''} onChange={(e) => setView((v) => ({ ...v, part: e.target.value === '' ? null : Number(e.target.value) }))}>
              <option value="">全部部分</option>
              {parts.map((n) => (
                <option key={n} value={n}>{partTitle(n)}</option>
              ))}
            </select>
            <select aria-label="按类别筛选" value={view.category ?? ''} onChange={(e) => setView((v) => ({ ...v, category: (e.target.value || null) as TargetCategory | null }))}>
              <option value="">全部类别</option>
              {TARGET_CATEGORIES.map((c) => (
                <option key={c} value={c}>{c}（{rows.filter((r) => r.category === c).length}）</option>
              ))}
            </select>
            <span className="targets-count" aria-live="polite">{shown.length} / {rows.length} 条</span>
            <button type="button" onClick={() => void exportXlsx()} disabled={shown.length === 0}>导出 Excel</button>
            <button type="button" onClick={() => void save('CSV', targetsToCsv(shown), 'csv', 'CSV 表格')} disabled={shown.length === 0}>导出 CSV</button>
          </div>
          {rows.length === 0 ? (
            <p className="targets-empty">这份报告里没有找到带数值的目标任务。</p>
          ) : shown.length === 0 ? (
            <p className="targets-empty">没有符合筛选条件的目标任务。</p>
          ) : (
            <div className="targets-scroll">
              <table className="targets-table">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.key} aria-sort={view.sort === c.key ? (view.descending ? 'descending' : 'ascending') : 'none'}>
                        <button type="button" onClick={() => sortBy(c.key)}>
                          {c.title}{view.sort === c.key ? (view.descending ? ' ▼' : ' ▲') : ''}
                        </button>
                      </th>
                    ))}
                    <th>原文</th>
                    <th>标记</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => {
                    const flagged = flagOf(r, list);
                    return (
                      <tr key={`${r.sentenceId}:${r.valueStart}`} data-category={r.category}>
                        <td><button type="button" className="targets-jump" onClick={() => open(r)} title="在正文中打开这句">{r.label}</button></td>
                        <td>{r.category}</td>
                        <td>{r.indicator}</td>
                        <td>{r.direction}</td>
                        <td className="targets-value">{r.value}</td>
                        <td className="targets-text" onClick={() => open(r)}>{toDisplayText(r.text)}</td>
                        <td>
                          {flagged && (
                            <span className={`targets-flag flag-${flagged.flag}`} title={flagged.annotation.note.text || undefined}>
                              {flagged.flag}
                            </span>
                          )}
                          <select
                            aria-label={`标记 ${r.indicator} ${r.value}`}
                            value=""
                            onChange={(e) => e.target.value && setEditing({ row: r, flag: e.target.value as Flag, note: flagged?.annotation.note.text ?? '' })}
                          >
                            <option value="">{flagged ? '改…' : '标记…'}</option>
                            {FLAGS.map((f) => (
                              <option key={f} value={f}>{f}</option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {editing && (
            <form
              className="targets-flag-form"
              aria-label="标记说明"
              onSubmit={(e) => {
                e.preventDefault();
                void saveFlag();
              }}
            >
              <p>
                标记为<strong>{editing.flag}</strong>：{editing.row.indicator} <span className="targets-value">{editing.row.value}</span>（{editing.row.label}）
              </p>
              <textarea
                autoFocus
                aria-label="标记说明"
                placeholder="写下理由或想问的问题（可留空）"
                value={editing.note}
                onChange={(e) => setEditing({ ...editing, note: e.target.value })}
                onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void saveFlag()}
              />
              <div>
                <button type="submit" className="primary">保存标记</button>
                <button type="button" onClick={() => setEditing(null)}>取消</button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
