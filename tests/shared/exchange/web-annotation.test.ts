/**
 * W3C Web Annotation export/import on realistic annotations of the bundled report: twenty of
 * them (rich and plain notes, tags, several authors, a cross-paragraph selection, a paragraph note,
 * an orphan whose text changed, a tombstone) with real 32-character context.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { MAX_NOTE_DEPTH } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import {
  WEB_ANNOTATION_CONTEXT,
  annotationIri,
  parseWebAnnotations,
  reportSourceIri,
  serializeWebAnnotations,
} from '../../../shared/exchange';
import type { Report } from '../../../shared/report/model';
import { bundledReport, sampleAnnotations } from '../export/fixture';

const NOW = Date.UTC(2026, 11, 3, 6, 0);
const DAY = 86_400_000;

let report: Report;
let all: Annotation[];
let live: Annotation[];
let text: string;
let doc: { '@context': unknown; type: string; total: number; first: { type: string; items: Record<string, any>[] } } & Record<string, any>;

/** Sample annotations with the anchors the app makes (real prefix/suffix) and edits after creation. */
function realistic(r: Report): Annotation[] {
  return sampleAnnotations(r).map((a, i) => {
    const anchor =
      a.id === 's19'
        ? a.anchor // the orphan: its text changed, its stored anchor stays as it was
        : createAnchor(r, { startSegmentId: a.anchor.segmentId, startOffset: a.anchor.start, endSegmentId: a.anchor.endSegmentId, endOffset: a.anchor.end })!;
    return { ...a, anchor, updatedAt: a.createdAt + i * 60_000 };
  });
}

const byCreation = (list: Annotation[]) => [...list].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
const item = (id: string) => doc.first.items.find((x) => x.id === annotationIri(id))!;

beforeAll(async () => {
  report = await bundledReport();
  all = realistic(report);
  live = all.filter((a) => !a.deleted);
  text = serializeWebAnnotations({ report, annotations: all, exportedAt: NOW, exportedBy: '张三' });
  doc = JSON.parse(text);
});

describe('serializeWebAnnotations', () => {
  it('writes one AnnotationCollection with its page embedded, live annotations only', () => {
    expect(doc['@context']).toEqual([WEB_ANNOTATION_CONTEXT, { yandu: 'urn:yandu:ns:' }]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.label).toBe(`${report.title} · 批注`);
    expect(doc.creator).toEqual({ type: 'Person', name: '张三' });
    expect(doc.generated).toBe('2026-12-03T06:00:00.000Z');
    expect(doc.total).toBe(19);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items.map((x) => x.id)).toEqual(byCreation(live).map((a) => annotationIri(a.id)));
    expect(doc.first.items.some((x) => x.id === annotationIri('s20'))).toBe(false);
  });

  it('gives each annotation the W3C fields: type, motivation, creator, times, bodies, target with both selectors', () => {
    const s06 = all.find((a) => a.id === 's06')!;
    expect(item('s06')).toEqual({
      id: 'urn:yandu:annotation:s06',
      type: 'Annotation',
      motivation: 'commenting',
      created: new Date(s06.createdAt).toISOString(),
      modified: new Date(s06.updatedAt).toISOString(),
      creator: { type: 'Person', name: '张三' },
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: s06.note.text, format: 'text/plain', language: 'zh-CN' },
        { type: 'TextualBody', purpose: 'tagging', value: '新提法' },
        { type: 'TextualBody', purpose: 'classifying', value: 'blue' },
      ],
      target: {
        source: 'urn:yandu:report:changzhi-2026',
        selector: [
          { type: 'TextQuoteSelector', exact: s06.anchor.quote, prefix: s06.anchor.prefix, suffix: s06.anchor.suffix },
          { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
        ],
      },
      'yandu:target': 'range',
      'yandu:anchor': { segmentId: s06.anchor.segmentId, start: s06.anchor.start, endSegmentId: s06.anchor.endSegmentId, end: s06.anchor.end, fingerprint: report.fingerprint },
      'yandu:note': s06.note.json,
    });
    expect(item('s04').motivation).toBe('highlighting');
    expect(item('s02').creator).toEqual({ type: 'Person', name: '李四' });
  });

  it('positions are offsets into the canonical text that hold the exact quote, across paragraphs too', () => {
    for (const x of doc.first.items) {
      const [quote, position] = x.target.selector;
      if (!position) continue;
      expect(report.text.slice(position.start, position.end)).toBe(quote.exact);
    }
    const cross = item('s12').target.selector;
    expect(cross[0].exact).toContain('\n');
    expect(cross).toHaveLength(2);
  });

  it('gives no position for an orphan (its stored place no longer holds its quote)', () => {
    expect(item('s19').target.selector).toEqual([{ type: 'TextQuoteSelector', exact: '深入实施消费提振专项工作', prefix: '', suffix: '' }]);
  });

  it('is deterministic: the same bytes for the same data in any order', () => {
    const again = serializeWebAnnotations({ report, annotations: [...all].reverse(), exportedAt: NOW, exportedBy: '张三' });
    expect(again).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('uses urn:uuid: for the app\'s random ids and escapes other ids', () => {
    expect(annotationIri('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe('urn:uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(annotationIri('a b/c')).toBe('urn:yandu:annotation:a%20b%2Fc');
    expect(reportSourceIri('长治 2026')).toBe('urn:yandu:report:%E9%95%BF%E6%B2%BB%202026');
  });
});

describe('parseWebAnnotations: round trip', () => {
  it('研读 → JSON-LD → 研读 gives back every live annotation exactly', () => {
    const r = parseWebAnnotations(text, report, { now: NOW });
    expect(r).toEqual({ ok: true, value: { annotations: byCreation(live), skipped: [] } });
  });

  it('a uuid id comes back as the same uuid (so importing twice adds nothing twice)', () => {
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const one = { ...live[0], id };
    const t = serializeWebAnnotations({ report, annotations: [one], exportedAt: NOW, exportedBy: '' });
    const r = parseWebAnnotations(t, report, { now: NOW });
    expect(r.ok && r.value.annotations).toEqual([one]);
  });

  it('without 研读\'s extensions (as another tool keeps it), annotations are placed by position, the orphan is set aside', () => {
    const foreign = JSON.parse(text);
    for (const x of foreign.first.items) for (const key of Object.keys(x)) if (key.startsWith('yandu:')) delete x[key];
    const r = parseWebAnnotations(JSON.stringify(foreign), report, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const orphanAt = byCreation(live).findIndex((a) => a.id === 's19') + 1;
    expect(r.value.skipped).toEqual([{ n: orphanAt, reason: '原文在本报告中找不到，或出现多处而无法确定是哪一处' }]);
    const want = byCreation(live).filter((a) => a.id !== 's19');
    expect(r.value.annotations.map((a) => ({ id: a.id, anchor: a.anchor, note: a.note.text, tags: a.tags, color: a.color, author: a.author }))).toEqual(
      want.map((a) => ({ id: a.id, anchor: a.anchor, note: a.note.text, tags: a.tags, color: a.color, author: a.author })),
    );
    // Without 研读's rich note, formatting is lost but the text stays.
    expect(r.value.annotations.find((a) => a.id === 's06')!.note.json).toBeNull();
  });
});

describe('parseWebAnnotations: annotations from other tools', () => {
  /** A Hypothesis annotation (W3C form) made on a web page of the report: page offsets, markdown body, acct: creator. */
  function hypothesis(quote: string, extra: Record<string, unknown> = {}) {
    const at = report.text.indexOf(quote);
    return {
      '@context': WEB_ANNOTATION_CONTEXT,
      id: 'https://hypothes.is/a/AbCdEf123',
      type: 'Annotation',
      created: '2026-03-06T01:02:03.456789+00:00',
      modified: '2026-03-06T02:00:00.000000+00:00',
      creator: 'acct:zhangsan@hypothes.is',
      body: [
        { type: 'TextualBody', value: '要核实**口径**', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: '数据' },
      ],
      target: [
        {
          source: 'https://www.changzhi.gov.cn/zwgk/zfgzbg/2026.html',
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/div[1]/p[12]' }, endSelector: { type: 'XPathSelector', value: '/div[1]/p[12]' } },
            { type: 'TextPositionSelector', start: at + 1234, end: at + 1234 + quote.length },
            { type: 'TextQuoteSelector', exact: quote, prefix: report.text.slice(at - 32, at), suffix: report.text.slice(at + quote.length, at + quote.length + 32) },
          ],
        },
      ],
      ...extra,
    };
  }

  it('places it by its quote and context, keeps the note, tags, author and times', () => {
    const quote = '新建高标准农田和水浇地18万亩';
    const r = parseWebAnnotations(JSON.stringify(hypothesis(quote)), report, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a] = r.value.annotations;
    const at = report.text.indexOf(quote);
    const para = report.paragraphs.find((p) => p.start <= at && at < p.start + p.text.length + 1)!;
    expect(a).toMatchObject({
      id: 'https://hypothes.is/a/AbCdEf123',
      reportId: report.id,
      target: 'range',
      color: 'yellow',
      tags: ['数据'],
      note: { json: null, text: '要核实**口径**' },
      author: 'zhangsan',
      createdAt: Date.parse('2026-03-06T01:02:03.456Z'),
      updatedAt: Date.parse('2026-03-06T02:00:00Z'),
      deleted: false,
    });
    expect(a.anchor).toMatchObject({ segmentId: para.id, start: at - para.start, quote, fingerprint: report.fingerprint });
  });

  it('accepts a bare annotation, an array, or a page', () => {
    const one = hypothesis('新建高标准农田和水浇地18万亩');
    for (const wrapped of [one, [one], { type: 'AnnotationPage', items: [one] }]) {
      const r = parseWebAnnotations(JSON.stringify(wrapped), report, { now: NOW });
      expect(r.ok && r.value.annotations).toHaveLength(1);
    }
  });

  it('gives an annotation without an id a stable one from its content', () => {
    const { id: _drop, ...noId } = hypothesis('新建高标准农田和水浇地18万亩');
    const a = parseWebAnnotations(JSON.stringify(noId), report, { now: NOW });
    const b = parseWebAnnotations(JSON.stringify(noId), report, { now: NOW });
    expect(a.ok && a.value.annotations[0].id).toMatch(/^wa-[0-9a-f]{16}$/);
    expect(a.ok && b.ok && a.value.annotations[0].id === b.value.annotations[0].id).toBe(true);
  });
});

describe('parseWebAnnotations: refused files and set-aside annotations', () => {
  const ok = () => JSON.parse(text);
  const withItems = (f: (items: Record<string, any>[]) => void) => {
    const d = ok();
    f(d.first.items);
    return JSON.stringify(d);
  };

  it.each<[string, () => string, string]>([
    ['an empty file', () => '', '不是有效的标注文件（文件是空的）'],
    ['not JSON', () => '<html>', '不是有效的标注文件（JSON 格式错误）'],
    ['JSON of something else', () => '{"format":"yandu-annotations"}', '不是 W3C Web Annotation 标注文件（找不到 Annotation、AnnotationPage 或 AnnotationCollection）'],
    ['a collection that only links its pages', () => '{"type":"AnnotationCollection","first":"https://x.example/page1"}', '这个标注集合分成多页、只给出了链接，请导出为单个文件后再导入'],
    ['only annotations of another report', () => withItems((items) => items.forEach((x) => (x.target.source = 'urn:yandu:report:taiyuan-2026'))), '文件中的 19 条标注都无法导入。第 1 条标注未导入：属于另一份报告（urn:yandu:report:taiyuan-2026）'],
  ])('refuses %s', (_name, file, message) => {
    expect(parseWebAnnotations(file(), report, { now: NOW })).toEqual({ ok: false, error: message });
  });

  it.each<[string, (items: Record<string, any>[]) => void, string]>([
    ['no quote selector', (items) => (items[0].target.selector = [{ type: 'TextPositionSelector', start: 0, end: 4 }]), '没有 TextQuoteSelector（原文引文），无法确定批注的位置'],
    ['not an Annotation', (items) => (items[0].type = 'Note'), '不是 Annotation 对象'],
    ['a modified time two days ahead', (items) => (items[0].modified = new Date(NOW + 2 * DAY).toISOString()), 'modified（2026-12-05 14:00）晚于本机时间一天以上：文件可能已损坏，或导出者电脑的时钟有误'],
    ['a created time that is not a date', (items) => (items[0].created = 'yesterday'), 'created 不是有效的日期时间'],
    ['the same id twice', (items) => (items[0].id = items[1].id), '与第 1 条的 id 相同'],
    ['a negative offset in 研读\'s own anchor', (items) => (items[0]['yandu:anchor'].start = -5), '批注记录无效：anchor.start：数值过小：期望 number >=0'],
  ])('sets aside an annotation with %s, keeps the rest', (_name, change, reason) => {
    const r = parseWebAnnotations(withItems(change), report, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const n = reason.startsWith('与第 1 条') ? 2 : 1;
    expect(r.value.skipped).toEqual([{ n, reason }]);
    expect(r.value.annotations).toHaveLength(18);
  });

  it('drops a rich note nested too deep but keeps its plain text', () => {
    let deep = '{"type":"text","version":1,"text":"x","format":0,"detail":0,"mode":"normal","style":""}';
    for (let i = 0; i < MAX_NOTE_DEPTH; i++) deep = `{"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul","children":[{"type":"listitem","version":1,"value":1,"children":[${deep}]}]}`;
    const file = withItems((items) => (items.find((x) => x.id === annotationIri('s06'))!['yandu:note'] = `{"root":{"type":"root","version":1,"children":[${deep}]}}`));
    const r = parseWebAnnotations(file, report, { now: NOW });
    const s06 = r.ok ? r.value.annotations.find((a) => a.id === 's06')! : null;
    expect(s06?.note).toEqual({ json: null, text: live.find((a) => a.id === 's06')!.note.text });
  });

  it('sets aside a short quote that occurs many times and has no context (never guesses the place)', () => {
    const one = { type: 'Annotation', target: { source: 'https://x.example', selector: { type: 'TextQuoteSelector', exact: '发展' } }, bodyValue: '?' };
    // A quote of 32+ characters found once stands on its own, without context.
    const long = report.paragraphs.map((p) => p.text.slice(0, 40)).find((q) => q.length === 40 && report.text.indexOf(q) === report.text.lastIndexOf(q))!;
    const two = { type: 'Annotation', target: { source: 'https://x.example', selector: { type: 'TextQuoteSelector', exact: long } } };
    const r = parseWebAnnotations(JSON.stringify([one, two]), report, { now: NOW });
    expect(r.ok && r.value.skipped).toEqual([{ n: 1, reason: '原文在本报告中找不到，或出现多处而无法确定是哪一处' }]);
    expect(r.ok && r.value.annotations[0].createdAt).toBe(NOW);
  });
});
