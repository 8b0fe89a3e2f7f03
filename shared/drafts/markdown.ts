/** A draft as Markdown: quotes as block quotes with their label, figure and note. */
import type { DraftBlock } from './model';

export function draftToMarkdown(blocks: readonly DraftBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title': out.push(`# ${b.text}`); break;
      case 'heading': out.push(`## ${b.text}`); break;
      case 'list-item': out.push(`${b.ordered ? `${b.index}.` : '-'} ${b.text}`); break;
      case 'paragraph': if (b.text.trim()) out.push(b.text); break;
      case 'quote': {
        const lines = [`> “${b.quote.replace(/\n/g, '')}”${b.label ? `（${b.label}）` : '（原文未找到）'}`];
        if (b.figure) lines.push('>', `> 数据：${b.figure}`);
        if (b.note) lines.push('>', ...b.note.split('\n').map((l) => `> 批注：${l}`));
        out.push(lines.join('\n'));
        break;
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}
