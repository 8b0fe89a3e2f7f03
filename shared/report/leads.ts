/**
 * Leads (小标题) inside a body paragraph. A report marks them by position and shape, not by
 * font, so the rules are about sentences:
 * - the first sentence after an inline item heading or a marker (`——`, `1.`) when it is short and
 *   has no inner punctuation (`多措并举促消费。`, `——综合实力显著提升。`);
 * - a series of comma leads opening sibling paragraphs the same way (`五年来，…。` ×6);
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
/** In a first-sentence lead, a list comma is fine (`推动制造业转型升级、提质增效。`); a clause break is not. */
const CLAUSE_PUNCT = /[，,：:；;！!？?]/;
/** Longest comma lead of a series (`这五年，高质量发展扎实推进，经济实力跃上新台阶。`). */
const SERIES_LEAD_MAX = 36;
/** Dash-led group headings run longer (湖北: `——切实加强政府自身建设、优化创新生态和营商环境，…。`). */
const DASH_LEAD_MAX = 40;
/** A statement about a time or a period, not a heading: `2025年是…`, `今年…`, `“十四五”时期…`. */
const STATEMENT = /^(?:\d{4}年|今年|明年|去年|过去|当前|目前|未来|“十[三四五六]五”(?:时期|期间|的五年)?)|是/;
/** A lead sentence's longest content (without its ordinal or marker). */
export const LEAD_MAX = 30;
/** Run-in ordinal leads may carry a clause or two (`一是奋力推进产业振兴，巩固…，建设…。`). */
const ORDINAL_LEAD_MAX = 60;
/** Later leads inside a paragraph are terse (`加快人工智能创新发展。`). */
const INNER_LEAD_MAX = 12;
/** Characters of other text a terse lead needs on each side to head a stretch of its own. */
const TERSE_GAP = 20;

export interface LeadContext {
  text: string;
  sentences: readonly Range[];
  /** Length of an inline item heading at the start (0 when none). */
  headingEnd: number;
  /** `——`, `1.` … at the start, or null. */
  marker: string | null;
  /** The paragraph opens a part (right after its heading, before any item): its first sentence is an opening. */
  opensPart: boolean;
  /**
   * The paragraph opens with the same short phrase and comma as several of its siblings
   * (`五年来，…`, `这五年，…`): a series of comma leads.
   */
  inSeries?: boolean;
}

/** The opening phrase of a comma series (`五年来`), or null. */
export function seriesPrefix(text: string): string | null {
  const m = /^([^，,。；;：:“”]{2,6})[，,]/.exec(text);
  return m ? m[1] : null;
}

/** First sentence of a paragraph, up to and including its 。, or null when it has none. */
function firstSentence(text: string): string | null {
  const at = text.indexOf('。');
  return at === -1 ? null : text.slice(0, at + 1);
}

/** Shapes of parallel openings: the same first three characters, a terse `X，Y。` pair, or two clauses after the same subject. */
function openingShape(text: string): string | null {
  const first = firstSentence(text);
  if (first === null || first.length > SERIES_LEAD_MAX + 1 || /\d|[；;：:]/.test(first)) return null;
  const commas = (first.match(/[，,]/g) ?? []).length;
  if (first.length <= 17 && commas === 1) return 'pair';
  // `我们扭住高质量发展首要任务，全力推进工业强省…。` ×8: the same subject, two clauses.
  if (first.length <= 31 && commas === 1) return `clauses:${first.slice(0, 2)}`;
  return first.length > 4 ? `prefix:${first.slice(0, 3)}` : null;
}

/**
 * Which of consecutive paragraphs open in parallel (at least `min` in a row with the same shape):
 * `这五年是…的五年。` ×5, `加强科技创新，驱动能源转型。` ×6. Their first sentences are leads.
 */
export function parallelOpenings(texts: readonly (string | null)[], min = 3): boolean[] {
  const shapes = texts.map((t) => (t === null ? null : openingShape(t)));
  const out = shapes.map(() => false);
  for (let i = 0; i < shapes.length; ) {
    let j = i;
    while (j < shapes.length && shapes[i] !== null && shapes[j] === shapes[i]) j++;
    if (j - i >= min) for (let k = i; k < j; k++) out[k] = true;
    i = Math.max(j, i + 1);
  }
  return out;
}

const endsWithStop = (text: string, s: Range) => text[s.end - 1] === '。';

/** All leads of a paragraph, in text order; the first one is the paragraph's `lead`. */
export function findLeads(c: LeadContext): Range[] {
  const { text, sentences, headingEnd, marker } = c;
  const leads: Range[] = [];
  const terse: Range[] = [];
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
      const prev = candidates[k - 1];
      const isOrdinal = (r: Range | undefined) => r !== undefined && ORDINAL_LEAD.test(text.slice(r.start, r.end));
      // …and so is the last item of such a list (`十五是打造80个新型公共文化空间。` then the next topic).
      const endsList = isOrdinal(prev) && !leads.includes(prev!);
      const headsText = next !== undefined && !isOrdinal(next) && !endsList;
      if (fits && headsText) leads.push(s);
      return;
    }
    // A dash line standing alone heads the paragraphs below it (湖北's three groups).
    const groupHeading = last && k === 0 && marker === '——';
    if ((last && !groupHeading) || body.length < 2) return;
    if (k === 0) {
      // Series and dash-led group lines may carry a comma (`——发展质效不断提高，综合实力进一步跃升。`).
      const max = marker === '——' ? DASH_LEAD_MAX : SERIES_LEAD_MAX;
      if ((c.inSeries || marker === '——') && body.length <= max && !/[；;：:]/.test(body)) {
        leads.push(s);
        return;
      }
      if (body.length > LEAD_MAX || CLAUSE_PUNCT.test(body) || /^各位代表/.test(body)) return;
      // A sentence announcing what follows (`主要做了以下工作。一是…`) is not a heading.
      if (/以下|如下/.test(body)) return;
      // Figures make a sentence a statement of fact (`修订或废止…政策文件72份。`), not a heading.
      if (!marker && (/\d/.test(body) || (headingEnd === 0 && (c.opensPart || STATEMENT.test(body))))) return;
      leads.push(s);
      return;
    }
    // Only in an item run into its paragraph (浙江, 江苏: `（一）…。[intro，…。]提升科技创新质效。…`):
    // elsewhere a terse sentence mid-paragraph is an action item (`启动第四次农业普查。`), not a heading.
    if (headingEnd > 0 && body.length <= INNER_LEAD_MAX && !INNER_PUNCT.test(body) && !/\d/.test(body) && !STATEMENT.test(body)) {
      terse.push(s);
    }
  });
  // Elsewhere terse sentences are actions (广西: `…布局发展周边产业。建设南A东盟谷。打造高质量数据集…`).
  // Only an item organised by leads has them: it opens with a lead (浙江), or its first terse sentence
  // comes right after one introductory sentence (江苏: `（一）…。持续拓展…，…。更大力度提振消费。`).
  const organisedByLeads = terse.length > 0 && (leads[0] === candidates[0] || candidates.indexOf(terse[0]) <= 1);
  terse.forEach((s, i) => {
    // Of two terse sentences in a row the first heads, the second is its first action.
    const before = i > 0 ? s.start - terse[i - 1].end : TERSE_GAP;
    if (organisedByLeads && before >= TERSE_GAP) leads.push(s);
  });
  return leads.sort((a, b) => a.start - b.start);
}
