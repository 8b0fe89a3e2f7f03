/**
 * Builds the Lexical document from the segmented report and the highlight ranges. The editor
 * state is a view: it is rebuilt (per paragraph) whenever annotations change, never persisted.
 */
import { $createTextNode, $getRoot, type LexicalNode, type TextNode } from 'lexical';
import type { Paragraph, Remark, Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';
import { $createRemarkNode, $createSegmentNode, type SegmentNode } from './segment-node';
import { paragraphRuns, type MarkRange, type Run } from './paragraph-runs';
import { $createReaderMarkNode } from './reader-mark-node';

function $runNode(display: string, run: Run): TextNode {
  const text = display.slice(run.start, run.end);
  const node = run.remark ? $createRemarkNode(text, run.remark) : $createTextNode(text);
  if (run.bold || run.heading) node.toggleFormat('bold');
  if (run.subscript) node.toggleFormat('subscript');
  if (run.heading) node.setStyle('color: var(--heading-color); font-family: var(--font-kai)');
  return node;
}

/** Replaces the children of `segment` with the runs of `paragraph`. */
export function $fillSegment(segment: SegmentNode, paragraph: Paragraph, remarks: readonly Remark[], marks: readonly MarkRange[]): void {
  segment.clear();
  const display = toDisplayText(paragraph.text);
  const runs = paragraphRuns(paragraph, remarks, marks);
  let i = 0;
  while (i < runs.length) {
    const ids = runs[i].markIds;
    if (ids.length === 0) {
      segment.append($runNode(display, runs[i]));
      i++;
      continue;
    }
    // Consecutive runs under the same set of annotations share one MarkNode.
    const key = ids.join(' ');
    const mark = $createReaderMarkNode(ids);
    while (i < runs.length && runs[i].markIds.join(' ') === key) {
      mark.append($runNode(display, runs[i]));
      i++;
    }
    segment.append(mark);
  }
}

/** Groups remarks by paragraph id. */
export function remarksByParagraph(report: Report): Map<string, Remark[]> {
  const map = new Map<string, Remark[]>();
  for (const r of report.remarks) {
    const list = map.get(r.paragraphId) ?? [];
    list.push(r);
    map.set(r.paragraphId, list);
  }
  return map;
}

/**
 * Appends the segment nodes of paragraphs `from`..`to` (exclusive) of `report` to the root, in
 * order after those already there; records each in `nodes` (paragraph id → segment node).
 */
export function $appendParagraphs(
  report: Report,
  marks: ReadonlyMap<string, MarkRange[]>,
  remarks: ReadonlyMap<string, Remark[]>,
  from: number,
  to: number,
  nodes: Map<string, SegmentNode>,
): void {
  const children: LexicalNode[] = [];
  for (const p of report.paragraphs.slice(from, to)) {
    const seg = $createSegmentNode(p.id, p.kind, p.label);
    $fillSegment(seg, p, remarks.get(p.id) ?? [], marks.get(p.id) ?? []);
    nodes.set(p.id, seg);
    children.push(seg);
  }
  $getRoot().append(...children);
}

/** Replaces the document with the first `end` paragraphs of `report` (all by default); returns the segment node of each. */
export function $buildReport(report: Report, marks: ReadonlyMap<string, MarkRange[]>, end = report.paragraphs.length): Map<string, SegmentNode> {
  $getRoot().clear();
  const nodes = new Map<string, SegmentNode>();
  $appendParagraphs(report, marks, remarksByParagraph(report), 0, end, nodes);
  return nodes;
}
