/**
 * The highlight of the reading view: an `@lexical/mark` MarkNode whose `<mark>` element carries
 * the annotation ids and colour from the moment it is created. Stamping them in a mutation
 * listener instead meant a second pass over thousands of marks when a report opens.
 */
import { MarkNode } from '@lexical/mark';
import type { EditorConfig, LexicalEditor } from 'lexical';

/** Colour key per annotation id, per editor (the reading view sets it before each update). */
const colorsOf = new WeakMap<LexicalEditor, ReadonlyMap<string, string>>();

export function setMarkColors(editor: LexicalEditor, colors: ReadonlyMap<string, string>): void {
  colorsOf.set(editor, colors);
}

/** `data-annotation-id` (topmost, drawn last), `data-annotation-ids` (all) and `data-color`. */
function stamp(el: HTMLElement, ids: readonly string[], colors: ReadonlyMap<string, string> | undefined): void {
  const top = ids[ids.length - 1];
  if (top === undefined) return;
  el.dataset.annotationId = top;
  el.dataset.annotationIds = ids.join(' ');
  el.dataset.color = colors?.get(top) ?? 'yellow';
}

export class ReaderMarkNode extends MarkNode {
  $config() {
    return this.config('reader-mark', { extends: MarkNode });
  }

  createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const el = super.createDOM(config);
    stamp(el, this.__ids, editor && colorsOf.get(editor));
    return el;
  }

  updateDOM(prevNode: this, element: HTMLElement, config: EditorConfig): boolean {
    // Other ids: a new element from createDOM (the only place that knows the colours).
    return prevNode.__ids.join(' ') !== this.__ids.join(' ') || super.updateDOM(prevNode, element, config);
  }
}

export function $createReaderMarkNode(ids: readonly string[]): ReaderMarkNode {
  return new ReaderMarkNode(ids);
}
