/**
 * .docx → lines, through mammoth's document model (paragraphs and runs, read from
 * word/document.xml only: headers, footers and page numbers live in other parts and never reach
 * it; mammoth drops deleted tracked changes; comments and footnote references are skipped here).
 * mammoth itself is injected: it is a CommonJS library with a Node and a browser build.
 */
import type { Result } from '../../ipc/contract';
import type { ImportedText } from './imported';
import { inspectZip } from './zip-check';

/** The part of mammoth's API this importer uses. */
export interface MammothLike {
  convertToHtml(
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`: both are given.
    input: { arrayBuffer: ArrayBuffer; buffer: Uint8Array },
    options: { transformDocument: (element: unknown) => unknown; ignoreEmptyParagraphs?: boolean },
  ): Promise<unknown>;
}

interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  breakType?: string;
}

/** Text of one mammoth element; line breaks inside a paragraph become '\n'. */
function textOf(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return node.breakType === 'line' || node.breakType === undefined ? '\n' : '';
    case 'commentReference':
    case 'noteReference':
    case 'comment':
    case 'note':
    case 'image':
      return '';
    default:
      return (node.children ?? []).map(textOf).join('');
  }
}

/** Paragraphs in document order, table cells included (an appendix list is often a table). */
function collectParagraphs(node: DocNode, out: string[]): void {
  if (node.type === 'paragraph') {
    for (const line of textOf(node).split('\n')) out.push(line);
    return;
  }
  for (const child of node.children ?? []) collectParagraphs(child, out);
}

const CORRUPT = '文件已损坏，无法作为 Word 文档（.docx）读取。如果它能在 Word 或 WPS 中打开，请另存为新的 .docx 后再试。';

/** Lines of a .docx, or a Chinese message for an unsafe, damaged or empty file. */
export async function importDocx(bytes: Uint8Array, mammoth: MammothLike): Promise<Result<ImportedText>> {
  const zip = inspectZip(bytes);
  if (!zip.ok) return zip;
  let documentNode: DocNode | null = null;
  try {
    const copy = bytes.slice();
    await mammoth.convertToHtml(
      { arrayBuffer: copy.buffer as ArrayBuffer, buffer: copy },
      {
        transformDocument: (element) => {
          documentNode = element as DocNode;
          return element;
        },
      },
    );
  } catch {
    return { ok: false, error: CORRUPT };
  }
  if (!documentNode) return { ok: false, error: CORRUPT };
  const lines: string[] = [];
  collectParagraphs(documentNode, lines);
  if (lines.every((l) => l.trim() === '')) return { ok: false, error: 'Word 文档里没有文字（可能只有图片）。' };
  return { ok: true, value: { lines, notes: [{ kind: 'format', detail: '已读取 Word 文档（.docx）的正文段落；页眉、页脚、页码、批注和已删除的修订未读入' }] } };
}
