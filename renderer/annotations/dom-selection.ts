/**
 * Maps a DOM selection in the reading view to paragraph-local canonical offsets. Every text
 * node inside a `[data-segment-id]` element is one-to-one with the paragraph's canonical text
 * (display punctuation is a same-length mapping; labels and remark markers are CSS), so an
 * offset is the sum of the text lengths before the boundary point.
 */
import type { TextSelection } from '../../shared/anchoring';

const SEGMENT = '[data-segment-id]';

function segmentOf(node: Node): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest<HTMLElement>(SEGMENT) ?? null;
}

/** Canonical offset of DOM boundary point (node, offset) inside segment element `seg`. */
export function offsetInSegment(seg: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(seg);
  try {
    range.setEnd(node, offset);
  } catch {
    return 0;
  }
  // Range.toString() concatenates exactly the text nodes before the point.
  return range.toString().length;
}

/**
 * The selection as paragraph offsets, or null when it is collapsed or touches no paragraph.
 * A boundary outside any paragraph (the title, a notice) snaps to the nearest paragraph
 * inside the selection.
 */
export function selectionToSegments(root: HTMLElement, range: Range): TextSelection | null {
  if (range.collapsed) return null;
  const segs = [...root.querySelectorAll<HTMLElement>(SEGMENT)].filter((s) => range.intersectsNode(s));
  if (segs.length === 0) return null;
  const first = segs[0];
  const last = segs[segs.length - 1];
  const startSeg = segmentOf(range.startContainer);
  const endSeg = segmentOf(range.endContainer);
  const startOffset = startSeg === first ? offsetInSegment(first, range.startContainer, range.startOffset) : 0;
  const endOffset = endSeg === last ? offsetInSegment(last, range.endContainer, range.endOffset) : (last.textContent ?? '').length;
  return {
    startSegmentId: first.dataset.segmentId!,
    startOffset,
    endSegmentId: last.dataset.segmentId!,
    endOffset,
  };
}

/** A DOM Range over canonical offsets of one segment element (for flashing, toolbars). */
export function rangeForOffsets(seg: HTMLElement, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  let startSet = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n.textContent ?? '').length;
    if (!startSet && start <= pos + len) {
      range.setStart(n, start - pos);
      startSet = true;
    }
    if (startSet && end <= pos + len) {
      range.setEnd(n, end - pos);
      return range;
    }
    pos += len;
  }
  return null;
}
