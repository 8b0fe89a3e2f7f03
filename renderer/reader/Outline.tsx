/** The outline sidebar: parts → items → leads; click to jump; follows the reading position. */
import { useMemo, type KeyboardEvent } from 'react';
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
  const active = new Set(currentPath(tree, currentIndex).map((n) => n.entry.paragraphId));
  const deepest = currentPath(tree, currentIndex).at(-1)?.entry.paragraphId;

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    // Arrow keys move between visible entries, like a tree.
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.outline-link')];
    const i = links.indexOf(document.activeElement as HTMLButtonElement);
    const next = links[Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
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
    <nav aria-label={MSG.outline} className="outline">
      <h2 className="panel-title">{MSG.outline}</h2>
      {tree.length === 0 ? <p className="empty">{MSG.outlineEmpty}</p> : <ul onKeyDown={onKey}>{tree.map(renderNode)}</ul>}
    </nav>
  );
}
