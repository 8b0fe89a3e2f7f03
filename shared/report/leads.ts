/**
 * Leads (小标题) inside a body paragraph. A report marks them by position and shape, not by
 * font, so the rules are about sentences:
 * - the first sentence after an inline item heading or a marker (`——`, `1.`) when it is short and
 *   has no inner punctuation (`多措并举促消费。`, `——综合实力显著提升。`);
 * - run-in ordinals, anywhere in the paragraph (`一是…。二是…。`, `一要…`, `第一，…`, `首先，…`),
 *   commas allowed, as long as the sentence stays heading-sized;
 * - in a paragraph that opens with an inline item heading, later terse sentences without inner
 *   punctuation or figures are leads too (浙江: `（一）…。提升科技创新质效。…加快人工智能创新发展。…`).
 * Not leads: a part's opening sentence, statements (`2026年是…开局之年。`, `…是…关键时期。`).
 */

export interface Range {
  start: number;
  end: number;
}

/** Ordinal prefixes that make a sentence a run-in lead. */
export const ORDINAL_LEAD = /^(?:[一二三四五六七八九十]{1,3}(?:是要|是|要)|第[一二三四五六七八九十]{1,3}[，,、]|(?:首先|其次|再次|最后)[，,])/;
const INNER_PUNCT = /[，,：:；;！!？?、]/;
/** A statement about a time or a period, not a heading: `2025年是…`, `今年…`, `“十四五”时期…`. */
const STATEMENT = /^(?:\d{4}年|今年|明年|去年|过去|当前|目前|未来|“十[三四五六]五”(?:时期|期间|的五年)?)|是/;
/** A lead sentence's longest content (without its ordinal or marker). */
export const LEAD_MAX = 30;
/** Run-in ordinal leads may carry a clause or two (`一是奋力推进产业振兴，巩固…，建设…。`). */
const ORDINAL_LEAD_MAX = 60;
/** Later leads inside a paragraph are terse (`加快人工智能创新发展。`). */
const INNER_LEAD_MAX = 12;

export interface LeadContext {
  text: string;
  sentences: readonly Range[];
  /** Length of an inline item heading at the start (0 when none). */
  headingEnd: number;
  /** `——`, `1.` … at the start, or null. */
  marker: string | null;
  /** The paragraph opens a part (right after its heading, before any item): its first sentence is an opening. */
  opensPart: boolean;
}

const endsWithStop = (text: string, s: Range) => text[s.end - 1] === '。';

/** All leads of a paragraph, in text order; the first one is the paragraph's `lead`. */
export function findLeads(c: LeadContext): Range[] {
  const { text, sentences, headingEnd, marker } = c;
  const leads: Range[] = [];
  const candidates = sentences.filter((s) => s.start >= headingEnd);
  candidates.forEach((s, k) => {
    const last = s.end >= text.length;
    if (!endsWithStop(text, s)) return;
    const contentStart = k === 0 && marker && s.start === 0 ? marker.length : s.start;
    const body = text.slice(contentStart, s.end - 1);
    const ordinal = ORDINAL_LEAD.exec(body);
    if (ordinal) {
      // Opening its paragraph, an ordinal lead may carry clauses (`一是奋力推进产业振兴，…`); run into
      // running text it must be terse, else it is an enumeration of facts (`一是生态环境本底仍然脆弱，…`).
      const fits = k === 0 ? body.length <= ORDINAL_LEAD_MAX : body.length <= LEAD_MAX && !INNER_PUNCT.test(body.slice(ordinal[0].length));
      // A lead heads text: an ordinal followed straight by the next ordinal is a list item (十五件民生实事).
      const next = candidates[k + 1];
      const headsText = next !== undefined && !ORDINAL_LEAD.test(text.slice(next.start, next.end));
      if (fits && headsText) leads.push(s);
      return;
    }
    if (last || body.length < 2) return;
    if (k === 0) {
      if (body.length > LEAD_MAX || INNER_PUNCT.test(body) || /^各位代表/.test(body)) return;
      // Figures make a sentence a statement of fact (`修订或废止…政策文件72份。`), not a heading.
      if (!marker && (/\d/.test(body) || (headingEnd === 0 && (c.opensPart || STATEMENT.test(body))))) return;
      leads.push(s);
      return;
    }
    // Only in an item run into its paragraph (浙江, 江苏: `（一）…。[intro，…。]提升科技创新质效。…`):
    // elsewhere a terse sentence mid-paragraph is an action item (`启动第四次农业普查。`), not a heading.
    if (headingEnd > 0 && body.length <= INNER_LEAD_MAX && !INNER_PUNCT.test(body) && !/\d/.test(body) && !STATEMENT.test(body)) {
      leads.push(s);
    }
  });
  return leads;
}
