/**
 * 批注列表: every annotation of the report grouped by part/item in reading order (or by time),
 * filtered by colour, tag and author, with counts per colour and the orphans listed apart.
 */
import { useMemo, useState } from 'react';
import type { ResolvedAnchor } from '../../shared/anchoring';
import {
  collectTags,
  countByColor,
  groupByPart,
  listAuthors,
  sortByTime,
  type Annotation,
  type ColorKey,
  type LegendEntry,
} from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { labelOf } from './citation';
import { applyListFilter, type ListFilter } from './list-filter';

interface Props {
  report: Report;
  list: readonly Annotation[];
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  legend: readonly LegendEntry[];
  filter: ListFilter;
  onFilterChange(f: ListFilter): void;
  selectedId: string | null;
  onOpen(a: Annotation): void;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function AnnotationList({ report, list, resolutions, legend, filter, onFilterChange, selectedId, onOpen }: Props) {
  const [sort, setSort] = useState<'position' | 'time'>('position');
  const counts = useMemo(() => countByColor(list), [list]);
  const tags = useMemo(() => collectTags(list), [list]);
  const authors = useMemo(() => listAuthors(list), [list]);
  const shown = useMemo(() => applyListFilter(report, list, resolutions, filter), [report, list, resolutions, filter]);
  const sections = useMemo(() => groupByPart(report, list, resolutions).groups, [report, list, resolutions]);
  const grouped = useMemo(() => groupByPart(report, shown, resolutions), [report, shown, resolutions]);
  const byTime = useMemo(() => (sort === 'time' ? sortByTime(shown, 'updatedAt') : []), [sort, shown]);
  const meaning = (c: ColorKey) => legend.find((l) => l.color === c)?.meaning ?? c;

  const toggleColor = (c: ColorKey) => {
    const cur = new Set(filter.colors ?? []);
    if (cur.has(c)) cur.delete(c);
    else cur.add(c);
    onFilterChange({ ...filter, colors: [...cur] });
  };

  const item = (a: Annotation) => {
    const r = resolutions.get(a.id);
    const orphan = !r || r.status === 'orphan';
    return (
      <li key={a.id}>
        <button
          type="button"
          className={`annotation-item${selectedId === a.id ? ' selected' : ''}`}
          data-annotation-id={a.id}
          data-color={a.color}
          onClick={() => onOpen(a)}
        >
          <span className="annotation-item-head">
            <span className={`swatch swatch-${a.color}`} aria-hidden />
            <span className="annotation-label">{orphan ? '原文未找到' : labelOf(report, r)}</span>
            <span className="annotation-meaning">{a.target === 'paragraph' ? '段落批注' : meaning(a.color)}</span>
          </span>
          <span className="annotation-quote">“{clip(toDisplayText(a.anchor.quote).replace(/\n/g, ' '), 60)}”</span>
          {a.note.text && <span className="annotation-note">{clip(a.note.text, 80)}</span>}
          {a.tags.length > 0 && <span className="annotation-tags">{a.tags.map((t) => `#${t}`).join(' ')}</span>}
        </button>
      </li>
    );
  };

  return (
    <aside className="annotation-panel" aria-label="批注列表">
      <h2 className="panel-title">批注列表</h2>
      <div className="annotation-filters">
        <div className="color-filter" role="group" aria-label="按颜色筛选">
          {legend.map((l) => (
            <button
              key={l.color}
              type="button"
              aria-pressed={filter.colors?.includes(l.color) ?? false}
              title={`${l.name}：${l.meaning}`}
              onClick={() => toggleColor(l.color)}
            >
              <span className={`swatch swatch-${l.color}`} aria-hidden />
              <span className="count">{counts[l.color]}</span>
              <span className="sr-only">{l.meaning}</span>
            </button>
          ))}
        </div>
        <div className="filter-row">
          <select aria-label="按标签筛选" value={filter.tags?.[0] ?? ''} onChange={(e) => onFilterChange({ ...filter, tags: e.target.value ? [e.target.value] : [] })}>
            <option value="">全部标签</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag}（{t.count}）
              </option>
            ))}
          </select>
          <select aria-label="按作者筛选" value={filter.authors?.[0] ?? ''} onChange={(e) => onFilterChange({ ...filter, authors: e.target.value ? [e.target.value] : [] })}>
            <option value="">全部作者</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {a || '未署名'}
              </option>
            ))}
          </select>
          <select aria-label="按章节筛选" value={filter.section ?? ''} onChange={(e) => onFilterChange({ ...filter, section: e.target.value || undefined })}>
            <option value="">全部章节</option>
            {sections.map((g) => (
              <option key={g.key} value={g.key}>
                {g.title.startsWith(g.label) ? '' : `${g.label} `}
                {clip(toDisplayText(g.title), 16)}（{g.annotations.length}）
              </option>
            ))}
          </select>
          <select aria-label="排序" value={sort} onChange={(e) => setSort(e.target.value as 'position' | 'time')}>
            <option value="position">按位置</option>
            <option value="time">按时间</option>
          </select>
        </div>
      </div>
      {list.length === 0 ? (
        <p className="empty">选中正文中的文字即可高亮或添加批注。快捷键：选中后按 1–5 选颜色，按 N 写批注。</p>
      ) : shown.length === 0 ? (
        <p className="empty">没有符合筛选条件的批注。</p>
      ) : sort === 'time' ? (
        <ul className="annotation-items">{byTime.map(item)}</ul>
      ) : (
        <>
          {grouped.groups.map((g) => (
            <section key={g.key} className="annotation-group" aria-label={`${g.label} ${g.title}`}>
              <h3>
                {g.title.startsWith(g.label) ? '' : `${g.label} `}
                {clip(toDisplayText(g.title), 18)} <span className="count">{g.annotations.length}</span>
              </h3>
              <ul className="annotation-items">{g.annotations.map(item)}</ul>
            </section>
          ))}
          {grouped.orphans.length > 0 && (
            <section className="annotation-group orphans" aria-label="孤立批注">
              <h3>
                孤立批注 <span className="count">{grouped.orphans.length}</span>
              </h3>
              <p className="hint">这些批注的原文在当前版本中找不到，保留原引文与批注，不会自动删除。</p>
              <ul className="annotation-items">{grouped.orphans.map(item)}</ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
