/** The outline sidebar: parts → items → leads; click to jump; follows the reading position. */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useRovingFocus } from '../app/use-roving-focus';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { MSG } from '../messages';
import { currentPath, outlineTree, type OutlineNode } from './outline-tree';

interface Props {
  report: Report;
  /** Index (reading order) of the paragraph at the top of the reading column. */
  currentIndex: number;
  collapsed: ReadonlySet<string>;
  onToggle(paragraphId: string): void;
  onJump(paragraphId: string): void;
}

export function Outline({ report, currentIndex, collapsed, onToggle, onJump }: Props) {
  const tree = useMemo(() => outlineTree(report), [report]);
  const foldable = useMemo(() => {
    const ids = new Set<string>();
    const walk = (nodes: readonly OutlineNode[]) => nodes.forEach((n) => n.children.length > 0 && (ids.add(n.entry.paragraphId), walk(n.children)));
    walk(tree);
    return ids;
  }, [tree]);
  const active = new Set(currentPath(tree, currentIndex).map((n) => n.entry.paragraphId));
  const deepest = currentPath(tree, currentIndex).at(-1)?.entry.paragraphId;

  // One Tab stop: ↑/↓ (Home/End) move between visible entries like a tree, ←/→ fold and unfold.
  const nav = useRef<HTMLElement>(null);
  useRovingFocus(nav, ROVING);
  // The current section stays in view as the reading position moves (only the outline scrolls).
  useEffect(() => {
    const box = nav.current;
    const el = deepest ? box?.querySelector<HTMLElement>(`button.outline-link[data-entry-id="${CSS.escape(deepest)}"]`) : null;
    if (!box || !el) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (top < 24 || top > box.clientHeight - 48) box.scrollTop += top - box.clientHeight / 3;
  }, [deepest]);

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const id = (document.activeElement as HTMLElement | null)?.dataset.entryId;
    if (!id || !foldable.has(id)) return;
    if ((e.key === 'ArrowLeft') !== collapsed.has(id)) onToggle(id);
    e.preventDefault();
  };

  // Run-in leads (`一是…二是…`) share their paragraph: the position among siblings keeps keys unique.
  const renderNode = (node: OutlineNode, i: number) => {
    const id = node.entry.paragraphId;
    const isCollapsed = collapsed.has(id);
    return (
      <li key={`${id}-${node.entry.level}-${i}`} className={`outline-l${node.entry.level}`}>
        <div className={`outline-row${active.has(id) ? ' active' : ''}`}>
          {node.children.length > 0 ? (
            <button
              type="button"
              tabIndex={-1}
              className="outline-toggle"
              aria-expanded={!isCollapsed}
              aria-label={`${isCollapsed ? MSG.expand : MSG.collapse} ${node.entry.title}`}
              onClick={() => onToggle(id)}
            >
              {isCollapsed ? '▸' : '▾'}
            </button>
          ) : (
            <span className="outline-toggle-spacer" />
          )}
          <button
            type="button"
            className="outline-link"
            data-entry-id={id}
            aria-current={deepest === id ? 'location' : undefined}
            title={`${node.entry.label} ${toDisplayText(node.entry.title)}`}
            onClick={() => onJump(id)}
          >
            {toDisplayText(node.entry.title)}
          </button>
        </div>
        {node.children.length > 0 && !isCollapsed && <ul>{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  return (
    <nav aria-label={MSG.outline} className="outline" ref={nav}>
      <h2 className="panel-title">{MSG.outline}</h2>
      {tree.length === 0 ? <p className="empty">{MSG.outlineEmpty}</p> : <ul onKeyDown={onKey}>{tree.map(renderNode)}</ul>}
    </nav>
  );
}

const ROVING = {
  selector: 'button.outline-link',
  prev: ['ArrowUp'],
  next: ['ArrowDown'],
  initial: (list: HTMLElement[]) => list.find((b) => b.getAttribute('aria-current') === 'location'),
} as const;
