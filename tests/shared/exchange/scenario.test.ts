/**
 * A study group on the bundled report: three members' exchange files, written and read as
 * real text, imported into a fourth member's store.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations/model';
import { mergeAnnotations, parseExchange, serializeExchange, summaryText, type ExchangeFile } from '../../../shared/exchange';
import { annotationOn, lexicalJson, report } from '../annotations/fixtures';
import { applyChanges, asSet, edit } from './helpers';

const T = 1_700_000_100_000;
const note = (text: string) => ({ json: lexicalJson(text), text });

// Week 1: everyone marks the report; 张三 shares a first file, which 李四, 王五 and 赵六 import.
const z1 = annotationOn('大力发展绿电制氢', { author: '张三', color: 'green', tags: ['氢能'] });
const z2 = annotationOn('深化城乡融合', { author: '张三', color: 'blue' });
const z3 = annotationOn('保障粮食安全', { author: '张三', color: 'yellow' });
const z4 = annotationOn('新增进出口实绩企业', { author: '张三', color: 'green', note: note('外贸数据') });
const zhangWeek1 = [z1, z2, z3, z4];

// 李四 marks the same words as 张三 (a second annotation, not a duplicate).
const l1 = annotationOn('大力发展绿电制氢', { author: '李四', color: 'red', note: note('产能多少？') });
const l2 = annotationOn('前瞻布局未来产业', { author: '李四', color: 'blue', tags: ['新提法'] });
const l3 = annotationOn('多措并举促消费', { author: '李四', target: 'paragraph', note: note('本段可作发言引子') });

const w1 = annotationOn('深化京长对口合作', { author: '王五', color: 'purple' });
const w2 = annotationOn('全产业链。\n发展壮大数字经济', { author: '王五', color: 'yellow', tags: ['数字经济'] });
/** Made and deleted by 王五 before he exported: a tombstone nobody else has seen. */
const w3 = edit(annotationOn('持续发力上项目', { author: '王五' }), { deleted: true }, T + 100);

const zh1 = annotationOn('深化重点领域改革', { author: '赵六', color: 'red' });
const zh2 = annotationOn('激发经营主体活力', { author: '赵六', color: 'green' });

// Week 2: edits happen in parallel.
const z1Noted = edit(z1, { note: note('绿电制氢项目清单') }, T + 2000);
const z3Deleted = edit(z3, { deleted: true }, T + 2100);
/** 赵六 re-tags 张三's annotation after 张三's own week-2 edit of it: 赵六's version is newer. */
const z2ByZhao = edit(z2, { tags: ['城乡融合'] }, T + 4000);
const z2ByZhang = edit(z2, { color: 'red' }, T + 3000);
/** 李四 recolours 张三's export-data highlight, later than anyone else touched it. */
const z4ByLi = edit(z4, { color: 'purple' }, T + 5000);
const l2Edited = edit(l2, { tags: ['新提法', '产业'] }, T + 2500);

const files = {
  张三: { exportedAt: T + 6000, exportedBy: '张三', report, annotations: [z1Noted, z2ByZhang, z3Deleted, z4] },
  李四: { exportedAt: T + 6100, exportedBy: '李四', report, annotations: [l1, l2Edited, l3, ...zhangWeek1.slice(0, 3), z4ByLi] },
  王五: { exportedAt: T + 6200, exportedBy: '王五', report, annotations: [w1, w2, w3, ...zhangWeek1] },
};
const zhaoStore: Annotation[] = [zh1, zh2, z1, z2ByZhao, z3, z4];

/** What the app does on import: text → parse → merge → write. */
function importFile(store: readonly Annotation[], text: string): { store: Annotation[]; message: string } {
  const parsed = parseExchange(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const { changes, summary } = mergeAnnotations(store, parsed.value.annotations);
  return { store: applyChanges(store, changes), message: summaryText(summary) };
}

const texts = Object.fromEntries(Object.entries(files).map(([who, f]) => [who, serializeExchange(f)])) as Record<keyof typeof files, string>;

describe('study group: three files into a fourth member’s store', () => {
  it('imports each file with a summary the member can read', () => {
    let store = zhaoStore;
    const messages: string[] = [];
    for (const who of ['张三', '李四', '王五'] as const) {
      const r = importFile(store, texts[who]);
      store = r.store;
      messages.push(r.message);
    }
    expect(messages).toEqual([
      // z1 noted, z3 deleted; z2 is older than 赵六's own edit, z4 unchanged.
      '更新 1 条，删除 1 条，跳过 2 条（已有或较旧）',
      // l1–l3 new; z4 recoloured by 李四; week-1 copies of z1–z3 are older.
      '新增 3 条，更新 1 条，跳过 3 条（已有或较旧）',
      '新增 2 条，跳过 4 条（已有或较旧），另有 1 条是已删除的批注，只记下删除',
    ]);

    const byId = new Map(store.map((a) => [a.id, a]));
    expect(store).toHaveLength(2 + 4 + 3 + 3);
    expect(byId.get(z1.id)).toEqual(z1Noted);
    expect(byId.get(z2.id)).toEqual(z2ByZhao);
    expect(byId.get(z3.id)?.deleted).toBe(true);
    expect(byId.get(z4.id)).toEqual(z4ByLi);
    expect(byId.get(w3.id)).toEqual(w3);
    // Same words, two members: both kept, each with its own author and note.
    const hydrogen = store.filter((a) => a.anchor.quote === '大力发展绿电制氢' && !a.deleted);
    expect(hydrogen.map((a) => [a.author, a.note.text]).sort()).toEqual([
      ['张三', '绿电制氢项目清单'],
      ['李四', '产能多少？'],
    ]);
    // Authorship survives everything, including 李四's edit of 张三's record.
    const authors = [zh1, zh2, z1, z2, z3, z4, l1, l2, l3, w1, w2, w3].map((a) => [a.id, a.author]);
    expect(authors.map(([id]) => [id, byId.get(id!)?.author])).toEqual(authors);

    // Importing all three again: nothing new.
    for (const who of ['张三', '李四', '王五'] as const) {
      const again = importFile(store, texts[who]);
      expect(asSet(again.store)).toEqual(asSet(store));
      expect(again.message).toBe(`没有新的批注：文件中的 ${files[who].annotations.length} 条都已存在`);
    }
  });

  it('ends with the same records whatever order the files are imported in', () => {
    const orders = [
      ['张三', '李四', '王五'],
      ['张三', '王五', '李四'],
      ['李四', '张三', '王五'],
      ['李四', '王五', '张三'],
      ['王五', '张三', '李四'],
      ['王五', '李四', '张三'],
    ] as const;
    const results = orders.map((order) => asSet(order.reduce((store, who) => importFile(store, texts[who]).store, zhaoStore)));
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('gossip: after 赵六 shares his merged file, every member converges on the same store', () => {
    const zhao = ['张三', '李四', '王五'].reduce((store, who) => importFile(store, texts[who as keyof typeof texts]).store, zhaoStore);
    const zhaoText = serializeExchange({ exportedAt: T + 9000, exportedBy: '赵六', report, annotations: zhao });
    const parsed = parseExchange(zhaoText);
    expect(parsed.ok && (parsed.value as ExchangeFile).annotations).toHaveLength(zhao.length);
    for (const who of ['张三', '李四', '王五'] as const) {
      const theirs = importFile(files[who].annotations, zhaoText).store;
      expect(asSet(theirs)).toEqual(asSet(zhao));
    }
  });

  it('a hand-damaged file is refused as a whole, naming the record', () => {
    // Records are in creation order: 张三's four week-1 annotations come first, 李四's l1 fifth.
    const damaged = texts['李四'].replace('"color": "red"', '"color": "pink"');
    const r = parseExchange(damaged);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('第 5 条批注（“大力发展绿电制氢”）无效：color：') });
  });
});
