/** Turns the flat outline into a tree and finds the entry for a reading position. */
import type { OutlineEntry, Report } from '../../shared/report/model';

export interface OutlineNode {
  entry: OutlineEntry;
  /** Index of the target paragraph in reading order. */
  index: number;
  children: OutlineNode[];
}

/** Nests entries by level (1 part → 2 item → 3 lead); a deeper entry without a parent stays at the top. */
export function outlineTree(report: Report): OutlineNode[] {
  const indexOf = new Map(report.paragraphs.map((p, i) => [p.id, i]));
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of report.outline) {
    const node: OutlineNode = { entry, index: indexOf.get(entry.paragraphId) ?? -1, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].entry.level >= entry.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * The outline entries that contain paragraph `index` (part, item, lead), outermost first:
 * for each level the last entry at or before the paragraph, within its parent.
 */
export function currentPath(tree: OutlineNode[], index: number): OutlineNode[] {
  const path: OutlineNode[] = [];
  let level = tree;
  for (;;) {
    let found: OutlineNode | null = null;
    for (const n of level) if (n.index <= index) found = n;
    if (!found) return path;
    path.push(found);
    level = found.children;
  }
}
