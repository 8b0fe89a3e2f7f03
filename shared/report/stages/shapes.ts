/**
 * What a line of a report looks like: heading, item, marker, dateline, salutation… Pure
 * predicates on one trimmed line, shared by the segmenter's stages.
 */
import type { FrontLine } from '../model';
import { parseChineseNumeral } from '../chinese-numerals';
import { isTailChromeStart } from '../chrome';
import { splitSentences } from '../sentences';

export const PART = /^([一二三四五六七八九十]{1,3})、/;
export const ITEM = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
/** `——` bullets, `1.` / `1、` / `(1)` sub-items (a decimal such as `2.5` is not a marker). */
export const MARKER = /^(——|[—－-]{2}|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])/;
export const DATELINE = /^[—－-]{0,2}\s*(\d{4}|[〇零一二三四五六七八九]{4})年.{1,12}日在.*会议上/;
export const ADDRESS = /^各位代表/;
/** The salutation alone on its line (`各位代表：`); `各位代表！回顾…` is body text. */
export const SALUTATION = /^各位代表[：:！!，,]?$/;
const SPEAKER = /^(\S{0,20}(省长|市长|主席|区长|州长|县长|盟长|代省长|代市长|代主席))\s*\S{1,4}$/;
/** First line of an appendix: `附件`, `附件1`, `附件2：…`, `名词解释`, `注释`. */
export const APPENDIX_START = /^(附件\s*[0-9０-９一二三四五六七八九十]{0,2}([：:\s].{0,40})?|名词解释|注释|附：.{0,40})$/;
/** A numbered line of an appendix list (`1.`, `（1）`). */
export const APPENDIX_ITEM = /^(\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])/;
const ENUMERATED = /^[一二三四五六七八九十]{1,3}(是|要|是要)/;
export const SPACE_EDGES = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const ENDS_MID_SENTENCE = /[\p{L}\p{N}，,、]$/u;
const ENDS_WITH_COMMA = /[，,、]$/;
const INNER_PUNCT = /[，,。：:；;、！!？?]/;
const TERMINAL = /[。．.！!？?；;：:\s\u3000]+$/;

/** Maximum length of a part heading line (longer `一、…` lines are running text). */
const PART_MAX = 50;
/** Maximum length of a standalone item heading. */
const ITEM_MAX = 80;

/** Which header line this is (title lines are recognised by position, not shape). */
export function frontKind(t: string): FrontLine['kind'] {
  if (DATELINE.test(t)) return 'dateline';
  if (SPEAKER.test(t)) return 'speaker';
  if (SALUTATION.test(t)) return 'address';
  return 'other';
}

/** `一、…` short enough to be a heading, with at most a final `。`. */
export function isPartCandidate(t: string): boolean {
  const m = PART.exec(t);
  if (!m || parseChineseNumeral(m[1]) === null || t.length > PART_MAX) return false;
  const stop = t.indexOf('。');
  return stop === -1 || stop === t.length - 1;
}

/**
 * A heading without numeral (`“十四五”时期工作回顾`): a short line without sentence punctuation,
 * followed by a longer paragraph.
 */
export function isUnnumberedPartHeading(t: string, next: string | undefined): boolean {
  if (t.length < 4 || t.length > 30 || /[，,。：:；;！!？?、]/.test(t) || !/[\p{sc=Han}”]$/u.test(t)) return false;
  if (ITEM.test(t) || MARKER.test(t) || ADDRESS.test(t) || DATELINE.test(t)) return false;
  return next !== undefined && next.length > t.length * 2 && !ITEM.test(next) && !ADDRESS.test(next);
}

/** A standalone item heading is one short sentence (with or without its `。`). */
export function isStandaloneItem(t: string): boolean {
  return t.length <= ITEM_MAX && splitSentences(t).length === 1;
}

/** A title line: short, no sentence punctuation, not a dateline. */
export function looksLikeTitle(t: string): boolean {
  return t.length <= 40 && !/[。，,；;：:]/.test(t) && !DATELINE.test(t) && !MARKER.test(t);
}

/** A short title line without sentence punctuation (the line after `附件`). */
export function isTitleLine(t: string): boolean {
  return t.length <= 40 && !/[。，,；;！!？?]/.test(t);
}

/** True when a body paragraph stops mid-sentence, i.e. was cut by the page layout. */
export function endsMidParagraph(t: string): boolean {
  if (!ENDS_MID_SENTENCE.test(t)) return false;
  if (isPartCandidate(t) || (ITEM.test(t) && isStandaloneItem(t))) return false;
  // Short lines without punctuation are titles, datelines or headings, not sentence halves.
  return ENDS_WITH_COMMA.test(t) || INNER_PUNCT.test(t) || t.length > 40;
}

/** True when a paragraph opens with a heading, bullet, sub-item or address. */
export function startsStructure(t: string): boolean {
  return isPartCandidate(t) || ITEM.test(t) || MARKER.test(t) || ADDRESS.test(t) || ENUMERATED.test(t) || isTailChromeStart(t);
}

/** A heading's text without its closing punctuation, as shown in the outline. */
export function stripTerminal(t: string): string {
  return t.replace(TERMINAL, '');
}

/** Outline title of an appendix list item: its first clause, at most 30 characters. */
export function appendixItemTitle(t: string): string {
  const first = t.split(/[，,。；;：:]/)[0];
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}
