/**
 * `draft-quote`: a quoted passage in a draft, linked to its annotation. It renders the annotation
 * as it is now (quote, label, note follow edits) and jumps to the passage on click; the snapshot
 * it serializes stands in when the annotation is deleted.
 */
import { createContext, useContext, type JSX } from 'react';
import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { QuoteSource } from '../../shared/drafts';
import { useAnnotationState } from '../annotations/use-annotation-store';

export interface DraftContextValue {
  /** The quote as the annotation says it now, or null when the annotation is gone. */
  live(annotationId: string): QuoteSource | null;
  jumpToAnnotation(annotationId: string): void;
}

export const DraftContext = createContext<DraftContextValue | null>(null);

type SerializedQuoteNode = Spread<QuoteSource & { type: 'draft-quote'; version: 1 }, SerializedLexicalNode>;

function QuoteView({ snapshot }: { snapshot: QuoteSource }) {
  const ctx = useContext(DraftContext);
  // Re-render when annotations change, so the quote follows an edited note or a moved passage.
  useAnnotationState((s) => s.byId.get(snapshot.annotationId));
  useAnnotationState((s) => s.resolutions);
  const now = ctx?.live(snapshot.annotationId) ?? null;
  const q = now ?? snapshot;
  return (
    <div className="draft-quote" contentEditable={false} data-annotation-id={q.annotationId}>
      <button type="button" className="draft-quote-text" onClick={() => ctx?.jumpToAnnotation(q.annotationId)} title={now ? '在正文中打开这段' : '原批注已删除，保留的是引用时的文字'}>
        “{q.quote.replace(/\n/g, '')}”<span className="draft-quote-label">（{q.label || '原文未找到'}）</span>
      </button>
      {q.figure && <div className="draft-quote-figure">数据：{q.figure}</div>}
      {q.note && <div className="draft-quote-note">批注：{q.note}</div>}
      {!now && <div className="draft-quote-gone">原批注已删除</div>}
    </div>
  );
}

export class QuoteNode extends DecoratorNode<JSX.Element> {
  __source: QuoteSource;

  static getType(): string {
    return 'draft-quote';
  }

  static clone(node: QuoteNode): QuoteNode {
    return new QuoteNode(node.__source, node.__key);
  }

  static importJSON(json: SerializedLexicalNode): QuoteNode {
    // A stored draft is data from disk: every field is read as a string, whatever it holds.
    const j = json as Partial<Record<keyof QuoteSource, unknown>>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return new QuoteNode({ annotationId: str(j.annotationId), quote: str(j.quote), label: str(j.label), figure: str(j.figure), note: str(j.note) });
  }

  constructor(source: QuoteSource, key?: NodeKey) {
    super(key);
    this.__source = source;
  }

  exportJSON(): SerializedQuoteNode {
    return { ...super.exportJSON(), ...this.__source, type: 'draft-quote', version: 1 };
  }

  createDOM(): HTMLElement {
    return document.createElement('div');
  }

  updateDOM(): false {
    return false;
  }

  isInline(): false {
    return false;
  }

  decorate(): JSX.Element {
    return <QuoteView snapshot={this.__source} />;
  }
}

export function $isQuoteNode(node: LexicalNode | null | undefined): node is QuoteNode {
  return node instanceof QuoteNode;
}
