/**
 * Stage 3, front matter: where the body starts, and the header block before it (title, dateline,
 * speaker, photo captions and web chrome removed, 各位代表：). Header lines are not numbered:
 * citation labels count from the first body paragraph.
 */
import type { FrontLine } from '../model';
import { frontMatterChromeReason } from '../chrome';
import type { RepairLog } from './repair-log';
import { ADDRESS, ITEM, SALUTATION, SPACE_EDGES, frontKind, isPartCandidate, looksLikeTitle } from './shapes';
import { BODY_LINE_MIN } from './site-chrome';
import type { SourceLines } from './lines';

/**
 * First body line: 各位代表, a heading, a line that held a continuation marker, or a long line
 * that is not chrome. `end` when the text has none of them.
 */
export function findBodyStart({ raw, lines }: SourceLines, end: number): number {
  for (let i = 0; i < end; i++) {
    const t = lines[i];
    if (t === '') continue;
    const markerLine = raw[i].replace(SPACE_EDGES, '') !== t;
    if (ADDRESS.test(t) || isPartCandidate(t) || ITEM.test(t) || markerLine || (t.length >= BODY_LINE_MIN && !frontMatterChromeReason(lines, i))) return i;
  }
  return end;
}

/** Header lines are short and are not sentences: the first sentence-like line starts the body. */
export function firstSentenceLine(lines: readonly string[], bodyStart: number): number {
  for (let i = 0; i < bodyStart; i++) {
    const t = lines[i];
    if (t === '' || frontMatterChromeReason(lines, i) || frontKind(t) !== 'other') continue;
    if (t.length > 40 || /[。！!？?；;]$/.test(t)) return i;
  }
  return bodyStart;
}

export interface FrontMatter {
  /** The title line, '' when the text has none. */
  title: string;
  front: FrontLine[];
  /** First body line, after a salutation that moved into the header. */
  bodyStart: number;
}

/** Reads lines `[0, bodyStart)` (and a salutation right after) into the header block. */
export function readFrontMatter(lines: readonly string[], bodyStart: number, end: number, log: RepairLog): FrontMatter {
  let title = '';
  const front: FrontLine[] = [];
  const kept = new Set<string>();
  for (let i = 0; i < bodyStart; i++) {
    const t = lines[i];
    if (t === '') continue;
    let reason = frontMatterChromeReason(lines, i);
    if (!reason && (t === title || kept.has(t))) reason = '重复的标题或题注';
    const shown = t.replace(/(?<=\p{sc=Han})[ \u3000]+(?=\p{sc=Han})/gu, '');
    // A speaker or dateline line is never the title, even when the text has no title line.
    if (!reason && title === '' && looksLikeTitle(t) && frontKind(shown) === 'other') {
      title = t;
      front.push({ kind: 'title', text: t });
      log.add({ kind: 'title-extracted', detail: `首行“${t}”作为报告标题`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    if (reason) {
      log.add({ kind: 'chrome-removed', detail: `已移除网页元素（${reason}）：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
      continue;
    }
    kept.add(t);
    // `省长 龚 正`: the spaces that centre a two-character name are layout (a PDF loses them).
    front.push({ kind: frontKind(shown), text: shown });
    log.add({ kind: 'front-matter', detail: `移入报头：“${t}”`, original: t, replacement: '', line: i, col: 0, anchorLine: i });
  }
  // The salutation that opens the speech belongs to the header: body numbering starts after it.
  if (bodyStart < end && SALUTATION.test(lines[bodyStart])) {
    const t = lines[bodyStart];
    front.push({ kind: 'address', text: t });
    log.add({ kind: 'front-matter', detail: `移入报头：“${t}”`, original: t, replacement: '', line: bodyStart, col: 0, anchorLine: bodyStart });
    bodyStart++;
  }
  return { title, front, bodyStart };
}
