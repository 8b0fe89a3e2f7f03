/**
 * Lexical nodes of the read-only report view. A SegmentNode is one paragraph or heading of the
 * segmented report and carries its stable id, so the DOM can be mapped back to canonical offsets
 * (`data-segment-id`) and citation labels shown on hover (`data-label`).
 */
import {
  ElementNode,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import type { ParagraphKind } from '../../shared/report/model';

export type SerializedSegmentNode = Spread<
  { segmentId: string; segmentKind: ParagraphKind; label: string },
  SerializedElementNode
>;

const TAG: Record<ParagraphKind, string> = { part: 'h2', item: 'h3', body: 'p', section: 'h2' };

export class SegmentNode extends ElementNode {
  __segmentId: string;
  __segmentKind: ParagraphKind;
  __label: string;

  static getType(): string {
    return 'report-segment';
  }

  static clone(node: SegmentNode): SegmentNode {
    return new SegmentNode(node.__segmentId, node.__segmentKind, node.__label, node.__key);
  }

  constructor(segmentId = '', kind: ParagraphKind = 'body', label = '', key?: NodeKey) {
    super(key);
    this.__segmentId = segmentId;
    this.__segmentKind = kind;
    this.__label = label;
  }

  getSegmentId(): string {
    return this.getLatest().__segmentId;
  }

  createDOM(_config: EditorConfig): HTMLElement {
    const el = document.createElement(TAG[this.__segmentKind]);
    el.className = `seg seg-${this.__segmentKind}`;
    el.dataset.segmentId = this.__segmentId;
    el.dataset.label = this.__label;
    el.id = `seg-${this.__segmentId}`;
    return el;
  }

  updateDOM(prev: SegmentNode): boolean {
    return prev.__segmentKind !== this.__segmentKind || prev.__segmentId !== this.__segmentId || prev.__label !== this.__label;
  }

  static importJSON(json: SerializedSegmentNode): SegmentNode {
    return new SegmentNode(json.segmentId, json.segmentKind, json.label);
  }

  exportJSON(): SerializedSegmentNode {
    return {
      ...super.exportJSON(),
      type: SegmentNode.getType(),
      segmentId: this.__segmentId,
      segmentKind: this.__segmentKind,
      label: this.__label,
      version: 1,
    };
  }
}

export function $createSegmentNode(segmentId: string, kind: ParagraphKind, label: string): SegmentNode {
  return new SegmentNode(segmentId, kind, label);
}

export function $isSegmentNode(node: LexicalNode | null | undefined): node is SegmentNode {
  return node instanceof SegmentNode;
}

export type SerializedRemarkNode = Spread<{ note: string }, SerializedTextNode>;

/**
 * Text flagged as a probable typo of the source. The official words are shown unchanged; the
 * marker (CSS) and tooltip tell the reader what was probably meant.
 */
export class RemarkNode extends TextNode {
  __note: string;

  static getType(): string {
    return 'report-remark';
  }

  static clone(node: RemarkNode): RemarkNode {
    return new RemarkNode(node.__text, node.__note, node.__key);
  }

  constructor(text = '', note = '', key?: NodeKey) {
    super(text, key);
    this.__note = note;
  }

  createDOM(config: EditorConfig): HTMLElement {
    const el = super.createDOM(config);
    el.classList.add('remark');
    el.dataset.remark = this.__note;
    el.title = `勘误提示：${this.__note}（原文未改动）`;
    return el;
  }

  static importJSON(json: SerializedRemarkNode): RemarkNode {
    return new RemarkNode(json.text, json.note);
  }

  exportJSON(): SerializedRemarkNode {
    return { ...super.exportJSON(), type: RemarkNode.getType(), note: this.__note, version: 1 };
  }
}

export function $createRemarkNode(text: string, note: string): RemarkNode {
  return new RemarkNode(text, note);
}
