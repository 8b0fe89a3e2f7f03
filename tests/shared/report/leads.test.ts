/**
 * The leads stage on its own: which sentences of a paragraph are leads (小标题).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { betweenLeads, findLeads, followedByActionPair, longerOfTersePairs, isLoneItemOpening, parallelOpenings, reviewSubLeads, type LeadContext } from '../../../shared/report/leads';
import { splitSentences } from '../../../shared/report/sentences';
import { corpusDir } from './helpers';

function leadsOf(text: string, extra: Partial<LeadContext> = {}): string[] {
  const c: LeadContext = { text, sentences: splitSentences(text), headingEnd: 0, marker: null, opensPart: false, ...extra };
  return findLeads(c).map((r) => text.slice(r.start, r.end));
}

describe('findLeads', () => {
  it.each<[string, string, Partial<LeadContext>, string[]]>([
    ['a short first sentence', '多措并举促消费。深入实施提振消费专项行动，扩大服务消费。', {}, ['多措并举促消费。']],
    ['a list comma is fine', '推动制造业转型升级、提质增效。实施技术改造项目500个。', {}, ['推动制造业转型升级、提质增效。']],
    ['no clause comma', '坚持扩大内需这个战略基点，以需求与供给互促支撑。扩大消费。', {}, []],
    ['no statement (是)', '2026年是“十五五”开局之年。做好今年工作意义重大。', {}, []],
    ['no opening of a part', '过去一年很不平凡。我们迎难而上。', { opensPart: true }, []],
    ['no statement about a period', '“十三五”时期是长治发展史上具有重大意义的五年。五年来成就显著。', {}, []],
    ['no figures', '修订政策文件72份。清理妨碍公平竞争的规定。', {}, []],
    ['run-in 一是…二是…', '主要做了以下工作。一是保持经济平稳运行。主要指标增长。二是加快产业优化升级。草业成为千亿产业。', {}, ['一是保持经济平稳运行。', '二是加快产业优化升级。']],
    ['run-in 一要…', '一要加快传统产业提质升级。实施技改。二要培育壮大新兴产业。支持数据中心。', {}, ['一要加快传统产业提质升级。', '二要培育壮大新兴产业。']],
    ['第一，…', '第一，坚持稳中求进。要保持政策连续性。', {}, ['第一，坚持稳中求进。']],
    ['ordinal with commas opening its paragraph', '一是奋力推进产业振兴，巩固壮大实体经济根基。坚持把发展经济着力点放在实体经济上。', {}, ['一是奋力推进产业振兴，巩固壮大实体经济根基。']],
    ['run-in ordinal with commas is a fact', '成绩固然可喜，问题也不容忽视。一是生态环境本底仍然脆弱，毁林现象时有发生。二是传统产业占比高。必须解决。', {}, []],
    ['a list of 实事 is not a list of leads', '今年再办好15件民生实事。一是免费产前筛查。二是补助新生儿医保。三是开展内镜检查。', {}, []],
    ['dash lead with a comma', '——发展质效不断提高，综合实力进一步跃升。全省生产总值增长5.5%。', { marker: '——' }, ['——发展质效不断提高，综合实力进一步跃升。']],
    ['dash group heading alone on its line', '——扎实抓好稳增长、防风险、保民生三项基本任务，高质量发展的底盘持续夯实。', { marker: '——' }, ['——扎实抓好稳增长、防风险、保民生三项基本任务，高质量发展的底盘持续夯实。']],
    ['terse actions deep in an item are not leads', '（一）发展智能经济。深化拓展人工智能，安排资金支持。推进出入口局投产运营，布局周边产业。建设南A东盟谷。打造数据集。', { headingEnd: 10 }, []],
    ['a comma series', '五年来，京津冀协同发展动能不断显现。成功举办峰会。', { inSeries: true }, ['五年来，京津冀协同发展动能不断显现。']],
  ])('%s', (_name, text, extra, expected) => {
    expect(leadsOf(text, extra)).toEqual(expected);
  });
});

/** A paragraph of a corpus report (its source line starting with `opening`), split the way the segmenter does. */
function corpusParagraph(province: string, opening: string): string {
  const line = readFileSync(resolve(corpusDir, `2026_${province}_政府工作报告.txt`), 'utf8').split('\n').find((l) => l.startsWith(opening));
  if (!line) throw new Error(`no paragraph “${opening}” in ${province}`);
  return line.trim();
}

describe('findLeads on real paragraphs', () => {
  const firstSentenceEnd = (text: string) => text.indexOf('。') + 1;
  it.each<[string, string, string, Partial<LeadContext> | 'item', string[]]>([
    ['terse leads of an item run into its paragraph (浙江)', '浙江省', '（一）强化创新驱动发展', 'item', ['提升科技创新质效。', '加快人工智能创新发展。', '加快高等教育内涵式发展。', '充分发挥人才关键作用。']],
    ['longer terse leads with a list comma, not the action between them (浙江)', '浙江省', '（二）聚焦服务融入新发展格局', 'item', ['打造引领消费转型升级的高地。', '优化投资结构、提高投资效益。', '服务全国统一大市场建设。', '扩大高水平对外开放。']],
    ['an item of actions has no leads (广西)', '广西壮族自治区', '（九）坚定不移推进绿色低碳发展', 'item', []],
    ['sub-leads of a lead paragraph, each heading a stretch (吉林)', '吉林省', '深入实施提振消费专项行动。', {}, ['深入实施提振消费专项行动。', '扩大优质商品和服务供给。', '培育新型消费。', '拓展文旅消费。']],
    ['a lead paragraph of actions keeps its one lead (安徽)', '安徽省', '大力繁荣文化事业。', {}, ['大力繁荣文化事业。']],
    ['a run-in comma series inside one paragraph (上海)', '上海市', '“十四五”时期，上海发展历程', { opensPart: true }, ['这五年，综合经济实力再攀新高峰。', '这五年，城市核心功能迈上新台阶。', '这五年，深化改革开放彰显新成效。', '这五年，人民美好生活展现新图景。']],
    ['run-in ordinals with one comma (西藏)', '西藏自治区', '谱写中国式现代化西藏篇章', {}, ['一是坚持依法行政，推进法治政府建设。', '二是坚持干字当头，持续改进工作作风。', '三是坚持人民至上，不断提升服务效能。', '四是坚持严的基调，永葆清正廉洁本色。']],
    ['review sub-leads heading figures after an opening statement (甘肃)', '甘肃省', '刚刚过去的2025年', {}, ['经济运行稳中有进。', '投资消费回暖向好。', '新质生产力加快成长。', '民生工作扎实推进。', '安全水平持续提升。']],
    ['review sub-leads, each heading one sentence of figures (辽宁)', '辽宁省', '七是民生福祉不断增进。', {}, ['七是民生福祉不断增进。', '强化就业优先。', '推动教育扩优提质。', '优化医疗健康服务。', '织密扎牢社会保障网。', '全力保障“一老一小”。', '加强污染防治和生态建设。', '繁荣发展文体事业。']],
    ['a last sub-lead whose stretch the paragraph end cuts short (辽宁)', '辽宁省', '八是风险化解有力有效。', {}, ['八是风险化解有力有效。', '重点领域风险有序清除。', '本质安全能力逐步增强。', '社会治理水平不断提升。']],
    ['terse sentences under a run-in comma series are facts (辽宁: 五年来，…)', '辽宁省', '“十四五”时期是开启', { opensPart: true }, ['五年来，创新实力日益彰显。', '五年来，改革开放纵深推进。', '五年来，协调发展步伐稳健。', '五年来，绿色发展底色鲜明。', '五年来，民生保障扎实有力。', '五年来，安全屏障不断巩固。']],
    ['terse results deep in an item are not leads (安徽: the first comes after six sentences)', '安徽省', '（六）用心用情办好民生实事', 'item', []],
    ['an item of actions deep in it has no leads (广西 三农)', '广西壮族自治区', '（三）持之以恒抓好“三农”工作', 'item', []],
    ['a lone lead after an item heading is not a lead (广西: 抓好隐性债务化解…)', '广西壮族自治区', '（十）统筹发展和安全', 'item', []],
    ['a terse sentence followed by a pair of terse actions opens a list (广西: 深化要素市场化配置改革。加强财源建设，规范非税收入。)', '广西壮族自治区', '（三）进一步深化改革开放', 'item', []],
    ['of two terse sentences in a row the shorter is the lead (江苏: 加强生态保护修复。优化生态空间管控区域。)', '江苏省', '（七）深入推进绿色低碳发展', 'item', ['强化污染防治攻坚。', '加强近岸海域综合治理。', '加强生态保护修复。', '增强绿色发展动能。']],
    ['an item\'s own terse first lead counts among its sub-leads (浙江: 营造公平高效市场秩序。…激发经营主体活力。)', '浙江省', '（五）加大改革攻坚力度', 'item', ['营造公平高效市场秩序。', '激发经营主体活力。']],
    ['terse sentences opening alike (江苏: 着力…)', '江苏省', '各位代表，走在前、做示范厚望如山', {}, ['着力提高政治能力。', '着力厚植为民情怀。', '着力推进依法行政。', '着力做到求真务实。', '着力弘扬清廉之风。']],
  ])('%s', (_name, province, opening, extra, expected) => {
    const text = corpusParagraph(province, opening);
    expect(leadsOf(text, extra === 'item' ? { headingEnd: firstSentenceEnd(text) } : extra)).toEqual(expected);
  });
});

describe('parallelOpenings', () => {
  it('marks three or more paragraphs in a row that open alike', () => {
    const texts = ['这五年是改革的五年。正文。', '这五年是开放的五年。正文。', '这五年是民生的五年。正文。', '今年要做好工作。正文。', null];
    expect(parallelOpenings(texts)).toEqual([true, true, true, false, false]);
  });

  it('marks terse X，Y pairs in a row', () => {
    const texts = ['加强科技创新，驱动能源转型。正文。', '狠抓项目建设，支撑产业升级。正文。', '深化改革攻坚，激发市场活力。正文。'];
    expect(parallelOpenings(texts)).toEqual([true, true, true]);
  });

  it('marks two-clause openings after the same subject in a row (甘肃: 我们…，…。)', () => {
    const texts = ['我们扭住高质量发展首要任务，全力推进工业强省产业兴省。正文。', '我们巩固拓展脱贫攻坚成果，扎实推进城乡融合发展。正文。', '我们全面深化改革扩大开放，有效激发发展活力。正文。'];
    expect(parallelOpenings(texts)).toEqual([true, true, true]);
  });

  it('ignores two alike and openings with figures', () => {
    expect(parallelOpenings(['这五年是A的五年。', '这五年是B的五年。', '今年C。'])).toEqual([false, false, false]);
    expect(parallelOpenings(['增长5%，好于预期。', '增长6%，好于预期。', '增长7%，好于预期。'])).toEqual([false, false, false]);
  });
});

describe('reviewSubLeads', () => {
  const ranges = (text: string) => splitSentences(text);
  it('takes terse sentences heading stretches of figures where most statements carry figures (甘肃)', () => {
    const text = corpusParagraph('甘肃省', '刚刚过去的2025年');
    const sentences = ranges(text);
    const terse = sentences.filter((s) => s.end - s.start <= 17 && !/[，,：:；;\d]/.test(text.slice(s.start, s.end)));
    expect(reviewSubLeads(text, sentences, terse).map((r) => text.slice(r.start, r.end))).toEqual(['经济运行稳中有进。', '投资消费回暖向好。', '新质生产力加快成长。', '民生工作扎实推进。', '安全水平持续提升。']);
  });

  it('takes none where few statements carry figures (广西 plans: actions, not results)', () => {
    const text = corpusParagraph('广西壮族自治区', '（三）持之以恒抓好“三农”工作');
    const sentences = ranges(text);
    const terse = sentences.filter((s) => s.end - s.start <= 17 && !/[，,：:；;\d]/.test(text.slice(s.start, s.end)));
    expect(terse.length).toBeGreaterThanOrEqual(3);
    expect(reviewSubLeads(text, sentences, terse)).toEqual([]);
  });

  it('takes none when fewer than three terse sentences head figures', () => {
    const text = '一是内需潜力有效释放。政策举措协同发力。社会消费品零售总额增长1.4%，限上单位网上零售额增长12.5%，带动消费明显回升。新增离境退税商店675家。';
    const sentences = ranges(text);
    expect(reviewSubLeads(text, sentences, [sentences[1]])).toEqual([]);
  });
});

describe('followedByActionPair', () => {
  const at = (text: string, sentence: string) => {
    const sentences = splitSentences(text);
    const s = sentences.find((r) => text.slice(r.start, r.end) === sentence);
    if (!s) throw new Error(`no sentence ${sentence}`);
    return followedByActionPair(text, sentences, s);
  };
  it('is true before two terse actions joined by a comma (广西)', () => {
    const text = corpusParagraph('广西壮族自治区', '（三）进一步深化改革开放');
    expect(at(text, '深化要素市场化配置改革。')).toBe(true);
  });
  it('is false before a sentence elaborating the lead (江苏, 浙江)', () => {
    expect(at(corpusParagraph('江苏省', '（七）深入推进绿色低碳发展'), '强化污染防治攻坚。')).toBe(false);
    expect(at(corpusParagraph('浙江省', '（一）强化创新驱动发展'), '提升科技创新质效。')).toBe(false);
  });
});

describe('isLoneItemOpening', () => {
  it('is true only for a single lead longer than a terse one, right after an item heading', () => {
    expect(isLoneItemOpening(12, [{ start: 12, end: 40 }])).toBe(true);
    expect(isLoneItemOpening(12, [{ start: 12, end: 21 }])).toBe(false);
    expect(isLoneItemOpening(12, [{ start: 12, end: 40 }, { start: 90, end: 100 }])).toBe(false);
    expect(isLoneItemOpening(0, [{ start: 0, end: 30 }])).toBe(false);
  });
});

describe('longerOfTersePairs', () => {
  const longer = (text: string, terse: string[]) => {
    const sentences = splitSentences(text);
    const t = sentences.filter((r) => terse.includes(text.slice(r.start, r.end)));
    return longerOfTersePairs(sentences, t).map((r) => text.slice(r.start, r.end));
  };
  it('takes the longer of a pair, whichever comes first (江苏)', () => {
    const text = corpusParagraph('江苏省', '（七）深入推进绿色低碳发展');
    expect(longer(text, ['加强生态保护修复。', '优化生态空间管控区域。', '坚定实施长江十年禁渔。', '增强绿色发展动能。'])).toEqual(['优化生态空间管控区域。', '坚定实施长江十年禁渔。']);
  });
  it('leaves a run of three alone: a list of leads (江苏: 提高能源安全和保障能力。健全网络安全防御体系。提高公共安全治理水平。)', () => {
    const text = corpusParagraph('江苏省', '（十）更好统筹发展和安全');
    expect(longer(text, ['提高能源安全和保障能力。', '健全网络安全防御体系。', '提高公共安全治理水平。'])).toEqual([]);
  });
});

describe('betweenLeads', () => {
  it('takes a terse sentence straight between two leads (江苏: three headings in a row)', () => {
    const text = corpusParagraph('江苏省', '（十）更好统筹发展和安全');
    const sentences = splitSentences(text);
    const pick = (...xs: string[]) => sentences.filter((r) => xs.includes(text.slice(r.start, r.end)));
    const row = ['提高能源安全和保障能力。', '健全网络安全防御体系。', '提高公共安全治理水平。'];
    expect(betweenLeads(sentences, pick(...row), pick(row[0], row[2])).map((r) => text.slice(r.start, r.end))).toEqual([row[1]]);
    expect(betweenLeads(sentences, pick(...row), pick(row[0]))).toEqual([]);
  });
});
