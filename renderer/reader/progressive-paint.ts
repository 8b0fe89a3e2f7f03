/**
 * The reader paints a new report first screen first: the paragraphs that fill a screen in one
 * Lexical update, the rest in later chunks (one per task), so opening a long report does not
 * wait for the layout of every paragraph. Code that needs a paragraph in the DOM now (a jump, a
 * search hit, printing) asks for it here and gets it, with everything before it, painted at once.
 */

/** Paints up to and including the paragraph with the highest index among `ids` (all when null). */
export type Painter = (ids: Iterable<string> | null) => void;

const painters = new WeakMap<Element, Painter>();

/** Registers the painter of a Lexical root element; returns the unregister function. */
export function registerPainter(root: HTMLElement, painter: Painter): () => void {
  painters.set(root, painter);
  return () => {
    if (painters.get(root) === painter) painters.delete(root);
  };
}

/**
 * Makes sure the paragraphs `ids` (every paragraph when null) of the reader inside or around
 * `within` (the scroller, the Lexical root or any element of the reader) are in the DOM.
 */
export function ensurePainted(within: Element | null | undefined, ids: Iterable<string> | null): void {
  if (!within) return;
  const root = painters.has(within) ? within : (within.querySelector('[data-lexical-editor]') ?? within.closest('[data-lexical-editor]'));
  if (root) painters.get(root)?.(ids);
}

export interface ChunkOptions {
  /** Characters of the first chunk: a full screen on a large monitor at the smallest font. */
  first: number;
  /** Characters of every later chunk. */
  rest: number;
}

export const CHUNKS: ChunkOptions = { first: 5000, rest: 8000 };

/**
 * Where each chunk ends: indexes (exclusive) into `lengths` (the paragraphs' characters), the
 * first chunk at least `first` characters, the others `rest`; the last ends at the end.
 */
export function chunkEnds(lengths: readonly number[], opts: ChunkOptions = CHUNKS): number[] {
  const ends: number[] = [];
  let budget = opts.first;
  let chars = 0;
  for (let i = 0; i < lengths.length; i++) {
    chars += lengths[i];
    if (chars >= budget) {
      ends.push(i + 1);
      chars = 0;
      budget = opts.rest;
    }
  }
  if (ends.at(-1) !== lengths.length && lengths.length > 0) ends.push(lengths.length);
  return ends;
}
