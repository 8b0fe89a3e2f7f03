/** Building draft documents as Lexical JSON and reading them back as blocks for export. */
import type { DraftBlock, DraftKind, QuoteNodeJson, QuoteSource } from './model';

type Json = Record<string, unknown>;

const text = (t: string): Json => ({ detail: 0, format: 0, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
const block = (type: string, children: Json[], extra: Json = {}): Json => ({ children, direction: null, format: '', indent: 0, type, version: 1, ...extra });
const paragraph = (t = '') => block('paragraph', t ? [text(t)] : [], { textFormat: 0, textStyle: '' });
const heading = (tag: 'h1' | 'h2', t: string) => block('heading', [text(t)], { tag });
const quote = (q: QuoteSource): QuoteNodeJson => ({ type: 'draft-quote', version: 1, ...q });

/**
 * A new draft of `kind` quoting `sources` (in the order given: report order for an outline).
 * 代表建议: title, 问题与理由 with the quotes, 具体建议. 审议发言提纲: a title, one numbered point per
 * quote with room for what to say.
 */
export function seedDraftJson(kind: DraftKind, title: string, sources: readonly QuoteSource[]): string {
  const children: Json[] = [heading('h1', title)];
  if (kind === 'proposal') {
    children.push(heading('h2', '问题与理由'));
    for (const s of sources) children.push(quote(s) as unknown as Json, paragraph());
    if (sources.length === 0) children.push(paragraph('（在批注列表中把相关段落标为“拟提建议”，或在左侧选定批注后重新生成。）'));
    children.push(heading('h2', '具体建议'), paragraph('一是'), paragraph('二是'));
  } else {
    sources.forEach((s, i) => children.push(heading('h2', `${toPointNumber(i + 1)}、`), quote(s) as unknown as Json, paragraph()));
    if (sources.length === 0) children.push(paragraph('（没有选中的批注。）'));
  }
  return JSON.stringify({ root: block('root', children) });
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** `一` … `九十九` for point numbers. */
export function toPointNumber(n: number): string {
  if (n < 10) return NUMERALS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : NUMERALS[tens]}十${NUMERALS[n % 10]}`;
}

function plain(node: Json): string {
  if (node.type === 'text') return String(node.text ?? '');
  if (node.type === 'linebreak') return '\n';
  const kids = Array.isArray(node.children) ? (node.children as Json[]) : [];
  return kids.map(plain).join('');
}

/**
 * The blocks of a stored draft, with each quote as `live` says it is now (null: the annotation is
 * gone, the snapshot stands). Throws when `json` is not a Lexical state (a corrupt row).
 */
export function draftBlocks(json: string, live: (annotationId: string) => QuoteSource | null): DraftBlock[] {
  const root = (JSON.parse(json) as { root?: Json }).root;
  if (!root || !Array.isArray(root.children)) throw new Error('draftBlocks: not a Lexical editor state (no root.children)');
  const out: DraftBlock[] = [];
  let titled = false;
  for (const node of root.children as Json[]) {
    if (node.type === 'draft-quote') {
      const snap = node as unknown as QuoteNodeJson;
      const now = live(snap.annotationId);
      const { annotationId, quote: q, label, figure, note } = now ?? snap;
      out.push({ kind: 'quote', annotationId, quote: q, label, figure, note });
    } else if (node.type === 'heading') {
      const t = plain(node);
      if (node.tag === 'h1' && !titled) {
        titled = true;
        out.push({ kind: 'title', text: t });
      } else out.push({ kind: 'heading', text: t });
    } else if (node.type === 'list') {
      const ordered = node.listType === 'number';
      ((node.children as Json[]) ?? []).forEach((item, i) => out.push({ kind: 'list-item', text: plain(item), ordered, index: i + 1 }));
    } else {
      out.push({ kind: 'paragraph', text: plain(node) });
    }
  }
  return out;
}
