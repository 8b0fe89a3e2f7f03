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
 * - in a review paragraph whose statements mostly carry figures, terse sentences heading stretches of
 *   figures are its sub-leads (辽宁 `二是…。坚定向高端化迈进。…增长31.7%…`, 甘肃 `…。经济运行稳中有进。…`).
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
/** Later leads inside a paragraph are terse (`加快人工智能创新发展。`, `打造具有全球影响力的科创高地。`). */
const INNER_LEAD_MAX = 16;
/** Terse enough to be a lead even when little text follows it (`做优开放平台。`). */
const SHORT_LEAD_MAX = 12;
/** A terse lead heads a stretch of text; an action sentence is followed by little before the next one. */
const HEADED_MIN = 70;
/** An item's first lead may head less (浙江: `加强安全生产和防灾减灾工作。` + two sentences of figures). */
const FIRST_HEADED_MIN = 50;
/** Run-in comma leads (`这五年，综合经济实力再攀新高峰。` ×4 inside one paragraph). */
const RUN_IN_SERIES_MIN = 3;
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

/** Heading-sized, no clause break (a list comma is fine: `优化投资结构、提高投资效益。`), no figures, not a statement. */
const isTerse = (body: string) => body.length >= 2 && body.length <= INNER_LEAD_MAX && !CLAUSE_PUNCT.test(body) && !/\d/.test(body) && !STATEMENT.test(body);

/** Terse and without an ordinal: an ordinal item (`一要…`) is organised by its ordinals, not by terse sentences. */
const isPlainTerse = (body: string) => isTerse(body) && !ORDINAL_LEAD.test(body);

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
      // One comma is fine in a short one (西藏: `一是坚持依法行政，推进法治政府建设。`).
      const rest = body.slice(ordinal[0].length);
      const terseRest = !INNER_PUNCT.test(rest) || (rest.length <= 20 && (rest.match(/[，,]/g) ?? []).length === 1 && !/[：:；;！!？?、]/.test(rest));
      const fits = k === 0 ? body.length <= ORDINAL_LEAD_MAX : body.length <= LEAD_MAX && terseRest;
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
    if (isTerse(body)) terse.push(s);
  });
  // Elsewhere terse sentences are actions (广西: `…布局发展周边产业。建设南A东盟谷。打造高质量数据集…`):
  // only a paragraph organised by leads has them. Such a paragraph is an inline item (浙江, 江苏) or
  // opens with a lead of its own (吉林: `深入实施提振消费专项行动。…扩大优质商品和服务供给。…`,
  // 辽宁: `一是内需潜力有效释放。…政策举措协同发力。…`), and most of its terse sentences head a
  // stretch of text, where actions follow one another closely.
  // A comma series (`我们扭住…，全力推进…。` ×8) opens review paragraphs whose terse sentences are facts (甘肃).
  const allTerse = [...terse];
  const opensWithLead = headingEnd > 0 || (!c.inSeries && leads.length > 0 && leads[0] === candidates[0]);
  const headed = (r: Range) => {
    const next = terse.find((t) => t.start > r.start);
    return (next ? next.start : text.length) - r.end;
  };
  const long = terse.filter((t) => headed(t) >= HEADED_MIN && !followedByActionPair(text, candidates, t));
  // The first of them (in an item, the lead right after its heading) heads a stretch too: a list of
  // actions opens with a terse action straight followed by the next (安徽: `大力繁荣文化事业。弘扬…。深化…`).
  const first = headingEnd > 0 && leads[0] === candidates[0] ? leads[0] : terse[0];
  // An item organised by leads opens with one, right after its heading or after one opening sentence
  // (江苏: `（七）…。坚持“双碳”引领，…。强化污染防治攻坚。`); a terse sentence deep in an item is an action
  // in a list (广西: `（三）…。…。…。…。加强粮食和物资储备保障。`, 安徽: `（六）…` six results, then `居民医保实现省级统筹。`).
  const opensItem = headingEnd === 0 || (first !== undefined && candidates.indexOf(first) <= 1);
  // The item's own first lead counts among its sub-leads (浙江: `（五）…。营造公平高效市场秩序。…激发经营主体活力。…`).
  const subLeads = long.length + (first !== undefined && first === leads[0] && headingEnd > 0 && isPlainTerse(text.slice(first.start, first.end - 1)) ? 1 : 0);
  const organised = opensItem && opensWithLead && subLeads >= 2 && subLeads * 2 >= terse.length && headed(first) >= (headingEnd > 0 ? FIRST_HEADED_MIN : HEADED_MIN);
  if (organised) {
    // Of two terse sentences in a row, the longer is the first action under the shorter lead, or the
    // last result before it: no lead, and it does not cut the lead's stretch. Only once organised: a
    // pair of results in a row does not make a paragraph so (西藏: `创建首家AAA企业。完成首家村镇银行改革。`).
    for (const t of longerOfTersePairs(candidates, headingEnd > 0 && leads[0] === candidates[0] ? [leads[0], ...terse] : terse)) if (terse.includes(t)) terse.splice(terse.indexOf(t), 1);
    // A lead heads a stretch; in an inline item a very short one also heads when it stands apart
    // (浙江: `激发经营主体活力。` right after a one-sentence fact).
    terse.forEach((s, i) => {
      const before = i > 0 ? s.start - terse[i - 1].end : TERSE_GAP;
      const veryShort = s.end - s.start - 1 <= SHORT_LEAD_MAX;
      if (followedByActionPair(text, candidates, s)) return;
      if (headed(s) >= HEADED_MIN || (headingEnd > 0 && veryShort && before >= TERSE_GAP)) leads.push(s);
    });
    for (const s of betweenLeads(candidates, terse, leads)) if (!leads.includes(s)) leads.push(s);
  } else if (headingEnd > 0 && leads[0] === candidates[0] && terse.length > 1 && isTerse(text.slice(candidates[0].start, candidates[0].end - 1))) {
    // An item whose terse sentences are actions: its first one is an action too (广西: `（九）…。协同推进降碳减污扩绿增长。`).
    leads.shift();
  }
  // Run-in comma series inside one paragraph (上海: `这五年，综合经济实力再攀新高峰。…这五年，城市核心功能…`).
  const byPrefix = new Map<string, Range[]>();
  candidates.forEach((s, k) => {
    if (k === 0 || !endsWithStop(text, s)) return;
    const sentence = text.slice(s.start, s.end - 1);
    const prefix = seriesPrefix(sentence);
    if (!prefix || sentence.length > SERIES_LEAD_MAX || /[；;：:\d]/.test(sentence)) return;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), s]);
  });
  const runInSeries = [...byPrefix.values()].filter((group) => group.length >= RUN_IN_SERIES_MIN);
  for (const group of runInSeries) for (const s of group) if (!leads.includes(s)) leads.push(s);
  // A review paragraph may be organised by shorter stretches of figures; not under a comma series
  // (its own or its siblings'), whose terse sentences are facts (辽宁: `五年来，…。…企业活跃度超全国水平。`).
  // Organised by long stretches, it may still end with a sub-lead whose stretch the paragraph's end
  // cuts short (辽宁: `…本质安全能力逐步增强。…社会治理水平不断提升。` + 58 characters).
  if (!c.inSeries && runInSeries.length === 0) {
    const lastLong = organised ? Math.max(...leads.map((l) => l.start)) : -1;
    for (const s of reviewSubLeads(text, candidates, allTerse)) if (s.start > lastLong && !leads.includes(s)) leads.push(s);
  }
  // Terse sentences opening alike (江苏: `着力提高政治能力。…着力厚植为民情怀。…` ×5, 陕西: `要持续加强…政府建设。` ×3).
  const byStart = new Map<string, Range[]>();
  for (const t of terse) {
    const key = text.slice(t.start, t.start + 2);
    byStart.set(key, [...(byStart.get(key) ?? []), t]);
  }
  for (const group of byStart.values()) {
    if (group.length >= RUN_IN_SERIES_MIN && group.filter((t) => headed(t) >= HEADED_MIN).length >= 2) for (const t of group) if (!leads.includes(t)) leads.push(t);
  }
  // Sub-leads divide an item into stretches; a longer sentence alone after the heading divides
  // nothing: it opens the item (广西: `（十）…。抓好隐性债务化解、融资平台退出、金融债务规模压降等工作。` then results).
  if (isLoneItemOpening(headingEnd, leads)) return [];
  return leads.sort((a, b) => a.start - b.start);
}

/** A single lead, longer than a terse one, right after an inline item heading. */
export const isLoneItemOpening = (headingEnd: number, leads: readonly Range[]) =>
  headingEnd > 0 && leads.length === 1 && leads[0].start === headingEnd && leads[0].end - leads[0].start - 1 > INNER_LEAD_MAX;

/** Share of a review paragraph's statements (its sentences other than terse ones) that carry figures. */
const REVIEW_FIGURE_SHARE = 0.5;
/** Sub-leads of a review paragraph: at least this many terse sentences each heading figures. */
const REVIEW_SUB_LEADS_MIN = 3;
/** A sub-lead heads at least a sentence of facts (辽宁: `推动教育扩优提质。` + 43 characters). */
const REVIEW_HEADED_MIN = 40;

/**
 * Sub-leads of a paragraph reviewing a year's results (辽宁: `二是产业韧性稳步增强。…坚定向高端化迈进。抓好稳车稳油稳钢，
 * 新能源汽车产量增长31.7%…`, 甘肃: `…经济运行稳中有进。…地区生产总值增长5.8%…`): where most statements
 * carry figures, a terse sentence heading a stretch of text with figures is a lead, when the
 * paragraph has several such.
 */
export function reviewSubLeads(text: string, sentences: readonly Range[], terse: readonly Range[]): Range[] {
  const hasFigure = (from: number, to: number) => /\d/.test(text.slice(from, to));
  const statements = sentences.filter((s) => !terse.includes(s));
  if (statements.filter((s) => hasFigure(s.start, s.end)).length < statements.length * REVIEW_FIGURE_SHARE) return [];
  const heads = terse.filter((t, i) => {
    const to = i + 1 < terse.length ? terse[i + 1].start : text.length;
    return to - t.end >= REVIEW_HEADED_MIN && hasFigure(t.end, to);
  });
  return heads.length >= REVIEW_SUB_LEADS_MIN ? heads : [];
}

/** Longest half of a pair of terse actions joined by a comma (`加强财源建设，规范非税收入。`). */
const ACTION_HALF_MAX = 10;

/**
 * Whether the sentence after `s` is two terse actions joined by a comma: then `s` is the first
 * action of a list, not a lead, which the sentences after it elaborate (广西: `深化要素市场化配置改革。
 * 加强财源建设，规范非税收入。深化零基预算改革，强化预算绩效管理。…`).
 */
export function followedByActionPair(text: string, sentences: readonly Range[], s: Range): boolean {
  const next = sentences[sentences.indexOf(s) + 1];
  if (!next || text[next.end - 1] !== '。') return false;
  const halves = text.slice(next.start, next.end - 1).split(/[，,]/);
  return halves.length === 2 && halves.every((h) => h.length >= 2 && h.length <= ACTION_HALF_MAX && !/[、：:；;\d“”]/.test(h));
}

/**
 * The longer sentence of each pair of terse sentences standing straight after one another (not in a
 * run of three or more, which is a list): a heading is more general, so shorter, than the action or
 * result beside it (江苏: `加强生态保护修复。优化生态空间管控区域。…`, `…坚定实施长江十年禁渔。增强绿色发展动能。`,
 * 浙江: `激发经营主体活力。“两个健康”集成改革不断深化。`, 辽宁: `重点领域改革有序推进。持续推进省以下财政体制改革。`).
 * Of a pair of equal length neither is taken out.
 */
export function longerOfTersePairs(sentences: readonly Range[], terse: readonly Range[]): Range[] {
  const isTerse = (r: Range | undefined) => r !== undefined && terse.includes(r);
  const out: Range[] = [];
  sentences.forEach((a, i) => {
    const b = sentences[i + 1];
    if (!isTerse(a) || !isTerse(b) || isTerse(sentences[i - 1]) || isTerse(sentences[i + 2])) return;
    const la = a.end - a.start;
    const lb = b.end - b.start;
    if (la !== lb) out.push(la > lb ? a : b);
  });
  return out;
}

/**
 * Terse sentences standing straight between two leads, with no text on either side: a row of
 * headings, each of the same rank (江苏: `提高能源安全和保障能力。健全网络安全防御体系。提高公共安全治理水平。…`).
 */
export function betweenLeads(sentences: readonly Range[], terse: readonly Range[], leads: readonly Range[]): Range[] {
  return sentences.filter((s, i) => i > 0 && terse.includes(s) && !leads.includes(s) && leads.includes(sentences[i - 1]) && leads.includes(sentences[i + 1]));
}
