/**
 * Building new annotation records.
 */
import type { Anchor, Annotation, AnnotationNote, ColorKey } from './model';
import { normaliseTags } from './tags';

export interface NewAnnotationInput {
  reportId: string;
  anchor: Anchor;
  color: ColorKey;
  author: string;
  /** Default `range` (a highlight); `paragraph` for a note on a whole paragraph. */
  target?: Annotation['target'];
  tags?: readonly string[];
  note?: AnnotationNote;
  /** Default: `crypto.randomUUID()`. */
  id?: string;
  /** ms since epoch; default `Date.now()`. */
  now?: number;
}

export const EMPTY_NOTE: AnnotationNote = Object.freeze({ json: null, text: '' }) as AnnotationNote;

/**
 * A new live annotation (createdAt = updatedAt = now, not deleted), tags normalised. Does not
 * validate; the repository validates before writing.
 */
export function newAnnotation(input: NewAnnotationInput): Annotation {
  const now = input.now ?? Date.now();
  return {
    id: input.id ?? randomId(),
    reportId: input.reportId,
    target: input.target ?? 'range',
    anchor: { ...input.anchor },
    color: input.color,
    tags: normaliseTags(input.tags ?? []),
    note: input.note ? { ...input.note } : { json: null, text: '' },
    author: input.author.trim(),
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
}

function randomId(): string {
  // shared/ has no DOM or node typings; both Electron's renderer and Node 20 provide Web Crypto.
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (!c?.randomUUID) throw new Error('newAnnotation: globalThis.crypto.randomUUID is required to make ids');
  return c.randomUUID();
}
