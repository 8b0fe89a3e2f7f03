/**
 * Paints ranges of report text without touching the Lexical DOM, using the CSS Custom
 * Highlight API (`::highlight(name)`): search hits while the search is open, and the brief
 * flash of a sentence jumped to. Browsers without the API simply show nothing extra.
 */
import { rangeForOffsets } from '../annotations/dom-selection';
import { ensurePainted } from './progressive-paint';

export interface ParagraphRange {
  paragraphId: string;
  start: number;
  end: number;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;
const api = (): { set(name: string, h: unknown): void; delete(name: string): void } | null => {
  const css = globalThis.CSS as unknown as { highlights?: { set(n: string, h: unknown): void; delete(n: string): void } } | undefined;
  return css?.highlights && 'Highlight' in globalThis ? css.highlights : null;
};

/** Replaces highlight `name` with the given ranges (empty list clears it); returns how many were painted. */
export function paintRanges(root: HTMLElement, name: string, ranges: readonly ParagraphRange[]): number {
  const registry = api();
  if (!registry) return 0;
  if (ranges.length === 0) {
    registry.delete(name);
    return 0;
  }
  ensurePainted(root, ranges.map((r) => r.paragraphId));
  const doms: Range[] = [];
  const cache = new Map<string, HTMLElement | null>();
  for (const r of ranges) {
    let seg = cache.get(r.paragraphId);
    if (seg === undefined) {
      seg = root.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(r.paragraphId)}"]`);
      cache.set(r.paragraphId, seg);
    }
    const dom = seg ? rangeForOffsets(seg, r.start, r.end) : null;
    if (dom) doms.push(dom);
  }
  const Highlight = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
  registry.set(name, new Highlight(...doms));
  return doms.length;
}

/** Paints `ranges` as `name` for `ms` milliseconds. */
export function flashRanges(root: HTMLElement, name: string, ranges: readonly ParagraphRange[], ms = 1800): void {
  paintRanges(root, name, ranges);
  window.setTimeout(() => paintRanges(root, name, []), ms);
}
