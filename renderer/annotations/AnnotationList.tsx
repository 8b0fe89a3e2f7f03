/**
 * 批注列表: every annotation of the report grouped by part/item in reading order (or by time),
 * filtered by colour, tag and author, with counts per colour and the orphans listed apart.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { ResolvedAnchor } from '../../shared/anchoring';
import type { Annotation, ColorKey, LegendEntry } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { labelOf } from './citation';
import type { ListFilter } from './list-filter';
import { flatBlocks, positionBlocks, TimeOrder, type ListBlock, type ListRow } from './list-blocks';
import { listSections, NO_FILTER, summarize } from './list-sections';

interface Props {
  report: Report;
  /** Live annotations by the paragraph they start in, in reading order (the store's filing). */
  byParagraph: ReadonlyMap<string, readonly Annotation[]>;
  /** Live annotations whose text is not found, oldest first. */
  orphans: readonly Annotation[];
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  legend: readonly LegendEntry[];
  filter: ListFilter;
  onFilterChange(f: ListFilter): void;
  selectedId: string | null;
  onOpen(a: Annotation): void;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Section heading of the list: `三 （二）坚持…`, `二、“十五五”…`; never the item number twice. */
export function groupHeading(label: string, title: string): string {
  const t = toDisplayText(title);
  const item = /\([一二三四五六七八九十]+\)$/.exec(label)?.[0];
  const shown = clip(t, 18);
  if (t.startsWith(label)) return shown;
  // `三(一)` + `(一)坚持…` → `三 （一）坚持…`: the part stays, the item number is not repeated.
  if (item && (title.startsWith(item) || t.startsWith(toDisplayText(item)))) return `${label.slice(0, -item.length)} ${shown}`;
  return `${label} ${shown}`;
}

/** Quotes already starting or ending with a quotation mark are not wrapped in another. */
function quoted(text: string): string {
  const t = clip(toDisplayText(text).replace(/\n/g, ' '), 60);
  return `${/^[“"]/.test(t) ? '' : '“'}${t}${/[”"]$/.test(t) ? '' : '”'}`;
}

interface ItemProps {
  a: Annotation;
  orphan: boolean;
  label: string | null;
  meaning: string;
  /** Shown when the list holds more than one member's annotations. */
  showAuthor: boolean;
  selected: boolean;
  onOpen(a: Annotation): void;
}

/** Memoised: a click or an edit re-renders only the items whose record changed. */
const ListItem = memo(function ListItem({ a, orphan, label, meaning, showAuthor, selected, onOpen }: ItemProps) {
  return (
    <button
      type="button"
      className={`annotation-item${selected ? ' selected' : ''}`}
      data-annotation-id={a.id}
      data-color={a.color}
      data-orphan={orphan ? '' : undefined}
      onClick={() => onOpen(a)}
    >
      <span className="annotation-item-head">
        <span className={`swatch swatch-${a.color}`} aria-hidden />
        <span className="annotation-label">{orphan ? '原文未找到' : label}</span>
        <span className="annotation-meaning">{meaning}</span>
        {showAuthor && <span className="annotation-author">{a.author || '未署名'}</span>}
      </span>
      <span className="annotation-quote">{quoted(a.anchor.quote)}</span>
      {a.note.text && <span className="annotation-note">{clip(a.note.text, 80)}</span>}
      {a.tags.length > 0 && <span className="annotation-tags">{a.tags.map((t) => `#${t}`).join(' ')}</span>}
    </button>
  );
});

/**
 * Row heights from the ResizeObserver only (it reports after the browser's own layout). The
 * library's default reads offsetHeight when a row mounts, which forces a layout of the whole
 * page (thousands of highlight marks) once per row, right when the report opens.
 */
function measureWithoutLayout(el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLElement, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  return v.measurementsCache[v.indexFromElement(el)]?.size ?? 0;
}

export function AnnotationList({ report, byParagraph, orphans, resolutions, legend, filter, onFilterChange, selectedId, onOpen }: Props) {
  const [sort, setSort] = useState<'position' | 'time'>('position');
  const { counts, tags, authors } = useMemo(() => summarize([...byParagraph.values(), orphans]), [byParagraph, orphans]);
  const total = useMemo(() => {
    let n = orphans.length;
    for (const chunk of byParagraph.values()) n += chunk.length;
    return n;
  }, [byParagraph, orphans]);
  const sections = useMemo(() => listSections(report, byParagraph, orphans, NO_FILTER).sections, [report, byParagraph, orphans]);
  const grouped = useMemo(() => listSections(report, byParagraph, orphans, filter), [report, byParagraph, orphans, filter]);
  const timeOrder = useRef<TimeOrder | null>(null);
  const meaning = (c: ColorKey) => legend.find((l) => l.color === c)?.meaning ?? c;

  const toggleColor = (c: ColorKey) => {
    const cur = new Set(filter.colors ?? []);
    if (cur.has(c)) cur.delete(c);
    else cur.add(c);
    onFilterChange({ ...filter, colors: [...cur] });
  };

  // Blocks of rows (section headings, then up to BLOCK_ROWS items of one paragraph) so that
  // 50,000 annotations render only the rows in view and a click re-positions a few thousand
  // blocks, not 50,000 rows.
  const blocks: ListBlock[] = useMemo(() => {
    if (sort === 'time') {
      timeOrder.current ??= new TimeOrder();
      const chunks = grouped.sections.flatMap((g) => g.chunks.map((c) => c.annotations));
      if (grouped.orphans.length > 0) chunks.push(grouped.orphans);
      return flatBlocks(timeOrder.current.update(chunks));
    }
    timeOrder.current = null;
    return positionBlocks(grouped.sections, grouped.orphans, (g) => groupHeading(g.label, g.title));
  }, [sort, grouped]);

  const scroller = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback((i: number) => (blocks[i].items > 0 ? blocks[i].items * 96 : blocks[i].rows[0].kind === 'orphans' ? 64 : 30), [blocks]);
  const getItemKey = useCallback((i: number) => blocks[i].key, [blocks]);
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 2,
    measureElement: measureWithoutLayout,
    scrollMargin: listRef.current?.offsetTop ?? 0,
    getItemKey,
  });

  const renderRow = (row: ListRow) => {
    if (row.kind === 'group')
      return (
        <h3 className="annotation-group-head">
          {row.title} <span className="count">{row.count}</span>
        </h3>
      );
    if (row.kind === 'orphans')
      return (
        <div className="orphans" aria-label="孤立批注">
          <h3 className="annotation-group-head">
            孤立批注 <span className="count">{row.count}</span>
          </h3>
          <p className="hint">这些批注的原文在当前版本中找不到，保留原引文与批注，不会自动删除。</p>
        </div>
      );
    return (
      <ListItem
        a={row.a}
        orphan={!!row.orphan}
        label={labelOf(report, resolutions.get(row.a.id))}
        meaning={row.a.target === 'paragraph' ? '段落批注' : meaning(row.a.color)}
        showAuthor={authors.length > 1}
        selected={selectedId === row.a.id}
        onOpen={onOpen}
      />
    );
  };

  return (
    <aside className="annotation-panel" aria-label="批注列表" ref={scroller}>
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
              <span className="chip-meaning">{l.meaning}</span>
              <span className="count">{counts[l.color]}</span>
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
                {groupHeading(g.label, g.title)}（{g.count}）
              </option>
            ))}
          </select>
          <select aria-label="排序" value={sort} onChange={(e) => setSort(e.target.value as 'position' | 'time')}>
            <option value="position">按位置</option>
            <option value="time">按时间</option>
          </select>
        </div>
      </div>
      {total === 0 ? (
        <p className="empty">选中正文中的文字即可高亮或添加批注。快捷键：选中后按 1–5 选颜色，按 N 写批注。小组成员发来的批注文件，用上方“导入批注…”合并。</p>
      ) : grouped.shown === 0 ? (
        <p className="empty">没有符合筛选条件的批注。</p>
      ) : (
        <div ref={listRef} className="annotation-rows" role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              className="annotation-block"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)` }}
            >
              {blocks[v.index].rows.map((row) => (
                <div key={row.kind === 'item' ? row.a.id : row.kind === 'group' ? `g:${row.key}` : 'orphans'} role="listitem" className="annotation-row">
                  {renderRow(row)}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </aside>
  );
}
