/**
 * Stage 1, lines: line breaks normalised, every line trimmed of indentation, and newspaper
 * continuation markers `(上接第N版)` / `(下转第N版)` cut out of the lines (where they sat decides
 * later whether the text is a fragment).
 */
import { SPACE_EDGES } from './shapes';

const CONTINUATION = /[（(]\s*(上接|紧接|接|下转|转)\s*(第\s*[一二三四五六七八九十百零〇\d]+\s*版)\s*[)）]/g;

export interface ContinuationMarker {
  line: number;
  col: number;
  end: number;
  /** `上接` (continues from) rather than `下转` (continues on). */
  from: boolean;
  /** `第一版` */
  page: string;
  raw: string;
  /** Whitespace between the text and a marker that ended the line (`贯通, (下转第四版)`), dropped with it. */
  spaceBefore: string;
}

export interface SourceLines {
  /** Source lines as they were (line breaks normalised). */
  raw: string[];
  /** Trimmed, markers removed; '' for blank lines. Same indices as `raw`. */
  lines: string[];
  markers: ContinuationMarker[];
}

export function splitLines(source: string): SourceLines {
  const raw = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const markers: ContinuationMarker[] = [];
  const lines = raw.map((line, li) => {
    if (!line.includes('版')) return line.replace(SPACE_EDGES, '');
    const cut = line.replace(CONTINUATION, (m, dir: string, page: string, col: number) => {
      const endsLine = onlyMarkers(line.slice(col + m.length));
      const spaceBefore = endsLine ? (/[ \t\u3000\u00a0]+$/.exec(line.slice(0, col))?.[0] ?? '') : '';
      markers.push({ line: li, col, end: col + m.length, from: !dir.includes('转'), page: page.replace(/\s+/g, ''), raw: m, spaceBefore });
      return '';
    });
    return cut.replace(SPACE_EDGES, '');
  });
  return { raw, lines, markers };
}

/** True when nothing but other markers and whitespace surrounds `[from, to)` of a raw line. */
export function onlyMarkers(text: string): boolean {
  return text.replace(CONTINUATION, '').trim() === '';
}
