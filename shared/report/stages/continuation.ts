/**
 * Whether the text is a newspaper fragment: a `(上接第N版)` before any body text makes it continue
 * from page N, a `(下转第N版)` after all of it makes it continue on page N. Every marker is
 * removed and listed; one in the middle of the body is only removed.
 */
import { onlyMarkers, type SourceLines } from './lines';
import type { RepairLog } from './repair-log';

export interface Continuation {
  continuesFrom: string | null;
  continuesOn: string | null;
}

export function resolveContinuation({ raw, lines, markers }: SourceLines, bodyStart: number, end: number, log: RepairLog): Continuation {
  let first = -1;
  let last = -1;
  for (let i = bodyStart; i < end; i++) {
    if (lines[i] === '') continue;
    if (first === -1) first = i;
    last = i;
  }
  let continuesFrom: string | null = null;
  let continuesOn: string | null = null;
  for (const m of markers) {
    const atStart = m.line === first && onlyMarkers(raw[m.line].slice(0, m.col));
    const atEnd = m.line === last && onlyMarkers(raw[m.line].slice(m.end));
    if (m.from && atStart && continuesFrom === null) continuesFrom = m.page;
    if (!m.from && atEnd) continuesOn = m.page;
    const where = (m.from && atStart) || (!m.from && atEnd) ? `本文${m.from ? '上接' : '下转'}${m.page}` : '标记位于正文中间，未作为残篇信息';
    const space = m.spaceBefore ? '及其前的空格' : '';
    log.add({ kind: 'continuation-marker', detail: `已移除版面接转标记“${m.raw}”${space}：${where}`, original: m.spaceBefore + m.raw, replacement: '', line: m.line, col: m.col - m.spaceBefore.length, anchorLine: m.line });
  }
  return { continuesFrom, continuesOn };
}
