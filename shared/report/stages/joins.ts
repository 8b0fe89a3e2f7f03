/**
 * Stage 4, joins: a paragraph cut by the page layout (it stops mid-sentence and the next block
 * does not open a heading, bullet or address) is joined back with no separator.
 */
import type { RepairLog } from './repair-log';
import { endsMidParagraph, startsStructure } from './shapes';
import type { Block } from './site-chrome';

export function joinPageBreaks(blocks: readonly Block[], log: RepairLog): Block[] {
  const joined: Block[] = [];
  for (const b of blocks) {
    const prev = joined[joined.length - 1];
    if (prev && endsMidParagraph(prev.text) && !startsStructure(b.text)) {
      log.add({
        kind: 'page-break-join',
        detail: `已接合被版面断开的段落：“…${prev.text.slice(-8)}” + “${b.text.slice(0, 12).split(/[，,。；;：:]/)[0]}…”`,
        line: b.lines[0],
        col: 0,
        anchorLine: prev.lines[0],
      });
      prev.text += b.text;
      prev.lines.push(...b.lines);
    } else {
      joined.push({ text: b.text, lines: [...b.lines] });
    }
  }
  return joined;
}
