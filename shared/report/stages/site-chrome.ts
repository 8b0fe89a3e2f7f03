/**
 * Stage 2, chrome: what a web copy carries around the report. The trailing block (`相关报道：`,
 * QR-code hint) ends the text; toolbar words, 来源/时间 lines and photo captions inside the body
 * are dropped. Every removal is a repair with the removed text.
 */
import { bodyChromeReason, isTailChromeStart } from '../chrome';
import { TAIL, type RepairLog } from './repair-log';

/** Front matter ends at the first line at least this long; tail chrome has only shorter lines. */
export const BODY_LINE_MIN = 60;

/** A body line on its way to becoming a paragraph. */
export interface Block {
  text: string;
  /** Source line indices that make up the block (more than one after a page-break join). */
  lines: number[];
}

/** Index of the first line of the trailing chrome block (`lines.length` when there is none). */
export function stripTailChrome(lines: readonly string[], log: RepairLog): number {
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '' && isTailChromeStart(lines[i]) && lines.slice(i + 1).every((l) => l.length < BODY_LINE_MIN)) {
      end = i;
      break;
    }
  }
  for (let i = end; i < lines.length; i++) {
    if (lines[i] === '') continue;
    log.add({ kind: 'chrome-removed', detail: `已移除网页元素（文末相关链接）：“${lines[i]}”`, original: lines[i], replacement: '', line: i, col: 0, anchorLine: TAIL });
  }
  return end;
}

/** Non-empty body lines `[from, to)` as blocks, without chrome recognisable on its own. */
export function bodyBlocks(lines: readonly string[], from: number, to: number, log: RepairLog): Block[] {
  const blocks: Block[] = [];
  for (let i = from; i < to; i++) {
    const t = lines[i];
    if (t === '') continue;
    const reason = bodyChromeReason(t);
    if (reason) {
      log.add({ kind: 'chrome-removed', detail: `已移除网页元素（${reason}）：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    blocks.push({ text: t, lines: [i] });
  }
  return blocks;
}
