/** Opening a place of the report from a pane: scroll to the paragraph and flash the exact words. */
import type { Report } from '../../shared/report/model';
import { flashRanges } from '../reader/text-highlights';

export type Jump = (paragraphId: string) => void;

/** Scrolls to the sentence `sentenceId` and flashes it (the CSS highlight the search uses). */
export function openSentence(report: Report, root: HTMLElement | null, jumpTo: Jump, paragraphId: string, sentenceId: string): void {
  jumpTo(paragraphId);
  const s = report.paragraphs.find((p) => p.id === paragraphId)?.sentences.find((x) => x.id === sentenceId);
  if (root && s) flashRanges(root, 'jump-flash', [{ paragraphId, start: s.start, end: s.end }]);
}

/** Scrolls to a range of one paragraph and flashes it. */
export function openRange(root: HTMLElement | null, jumpTo: Jump, paragraphId: string, start: number, end: number): void {
  jumpTo(paragraphId);
  if (root) flashRanges(root, 'jump-flash', [{ paragraphId, start, end }]);
}
