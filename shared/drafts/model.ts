/**
 * Drafts of 起草 (代表建议, 审议发言提纲) as Lexical JSON built and read structurally (no lexical
 * import: shared/ stays pure). Quotes are `draft-quote` nodes that name their annotation, so the
 * editor and the exports show the annotation as it is now; the snapshot in the node is kept for
 * when the annotation is gone.
 */

export type DraftKind = 'proposal' | 'outline';

export const DRAFT_KIND_LABEL: Record<DraftKind, string> = { proposal: '代表建议', outline: '审议发言提纲' };

/** What a quote shows: the passage, where it stands, its figures from the targets table and the note. */
export interface QuoteSource {
  annotationId: string;
  quote: string;
  /** Citation label (`三¶2`), '' when the passage is no longer found. */
  label: string;
  /** Figures of the targets table inside the passage (`6%左右；4.3万人以上`), ''. */
  figure: string;
  note: string;
}

/** The serialized `draft-quote` node. */
export interface QuoteNodeJson extends QuoteSource {
  type: 'draft-quote';
  version: 1;
}

/** A draft read for export. */
export type DraftBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list-item'; text: string; ordered: boolean; index: number }
  | ({ kind: 'quote' } & QuoteSource);
