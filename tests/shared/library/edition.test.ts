/**
 * A new edition of a real report (山西 2026) with the edits a corrected text brings: a sentence
 * inserted, one deleted, one reworded, a paragraph moved, a new item inserted and the next item
 * heading renumbered. Annotations must follow their words or become 孤立批注, never land elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../shared/anchoring';
import { newAnnotation } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { moveToEdition } from '../../../shared/library/edition';
import { compareEditions } from '../../../shared/library/revision';
import { admit, entryFromReport } from '../../../shared/library/entry';
import type { Report } from '../../../shared/report/model';
import { editOnce, selectionFor } from '../anchoring/report-fixture';
import { corpusText, readReport } from './helpers';

const INSERTED = '全面开展消费提质年活动，让群众敢消费、愿消费。';
const DELETED = '持续开展重大项目建设年活动，';
const MOVED_START = '大力发展文化旅游业。';

function editedCopy(source: string): string {
  let s = source;
  s = editOnce(s, '促进大宗消费更新升级。', `促进大宗消费更新升级。${INSERTED}`);
  s = editOnce(s, `扩大有效投资。${DELETED}`, '扩大有效投资。');
  s = editOnce(s, '优化提升传统产业。加快钢铁、焦化', '优化提升传统产业。加速钢铁、焦化');
  // Paragraph moved: 文化旅游 goes after 非煤矿产.
  const lines = s.split('\n');
  const from = lines.findIndex((l) => l.startsWith(MOVED_START));
  const [moved] = lines.splice(from, 1);
  lines.splice(lines.findIndex((l) => l.startsWith('提升非煤矿产')) + 1, 0, moved);
  s = lines.join('\n');
  // A new item (九) inserted; the old (九) becomes (十).
  s = editOnce(s, '（九）着力保障和改善民生', '（九）着力加强安全生产\n压紧压实安全生产责任，深入开展安全生产治本攻坚行动。\n（十）着力保障和改善民生');
  return s;
}

let n = 0;
function noteOn(report: Report, quote: string): Annotation {
  const anchor = createAnchor(report, selectionFor(report, quote));
  if (!anchor) throw new Error(`cannot anchor ${quote}`);
  n++;
  return newAnnotation({ reportId: report.id, anchor, color: 'yellow', author: '张三', id: `e${n}`, now: 1_700_000_000_000 + n, note: { json: null, text: `批注${n}` } });
}

async function editions() {
  const source = corpusText('山西省');
  const prev = await readReport(source, '2026_山西省_政府工作报告.txt');
  const next = await readReport(editedCopy(source), '山西省政府工作报告（修订）.txt');
  return { prev, next };
}

describe('a new edition of a corpus report', () => {
  it('is recognised as another edition of the one on the shelf', async () => {
    const { prev, next } = await editions();
    expect(next.id).not.toBe(prev.id);
    expect(admit([entryFromReport(prev, 1)], next)).toMatchObject({ kind: 'edition', entry: { id: prev.id } });
  });

  it('moves annotations by re-anchoring: exact where the words are, approximate where edited, orphaned where gone', async () => {
    const { prev, next } = await editions();
    const untouched = noteOn(prev, '按季度调整优化项目清单');
    const inMoved = noteOn(prev, '实施旅游景区“强基焕新”行动');
    const afterRenumber = noteOn(prev, '着力保障和改善民生');
    const reworded = noteOn(prev, '加快钢铁、焦化、有色、化工、建材等产业提质升级步伐');
    const deleted = noteOn(prev, DELETED.slice(0, -1));
    const tomb = { ...noteOn(prev, '优化实施“两重”项目'), deleted: true };
    const { moves, counts } = moveToEdition([untouched, inMoved, afterRenumber, reworded, deleted, tomb], next, 1_800_000_000_000);

    expect(counts).toEqual({ exact: 3, approximate: 1, orphaned: 1 });
    expect(moves.every((m) => m.annotation.reportId === next.id)).toBe(true);
    const by = new Map(moves.map((m) => [m.annotation.id, m]));
    const textAt = (a: Annotation) => {
      const p = next.paragraphs.find((x) => x.id === a.anchor.segmentId)!;
      return p.text.slice(a.anchor.start, a.anchor.end);
    };
    for (const a of [untouched, inMoved, afterRenumber]) {
      const m = by.get(a.id)!;
      expect(m.outcome).toBe('exact');
      expect(textAt(m.annotation)).toBe(a.anchor.quote);
      expect(m.annotation.anchor.fingerprint).toBe(next.fingerprint);
    }
    // The moved paragraph's note is on the moved paragraph, now after 非煤矿产.
    const movedPara = next.paragraphs.find((p) => p.id === by.get(inMoved.id)!.annotation.anchor.segmentId)!;
    expect(movedPara.text.startsWith(MOVED_START)).toBe(true);
    expect(next.paragraphs[next.paragraphs.indexOf(movedPara) - 1].text.startsWith('提升非煤矿产')).toBe(true);
    // The renumbered heading: same words, the new label (十).
    expect(next.paragraphs.find((p) => p.id === by.get(afterRenumber.id)!.annotation.anchor.segmentId)!.text).toContain('（十）着力保障和改善民生');
    // Edited words: on the edited sentence, not elsewhere.
    const rw = by.get(reworded.id)!;
    expect(rw.outcome).toBe('approximate');
    expect(textAt(rw.annotation)).toBe('加速钢铁、焦化、有色、化工、建材等产业提质升级步伐');
    // Gone: an orphan keeping its old quote and note.
    const gone = by.get(deleted.id)!;
    expect(gone.outcome).toBe('orphaned');
    expect(gone.annotation.anchor).toEqual(deleted.anchor);
    expect(gone.annotation.note.text).toBe(deleted.note.text);
    // Tombstones travel as they are.
    expect(by.get(tomb.id)).toMatchObject({ outcome: null, annotation: { deleted: true, anchor: tomb.anchor } });
  });

  it('修订对照 lists each changed paragraph with the inserted and deleted characters', async () => {
    const { prev, next } = await editions();
    const entries = compareEditions(prev, next);
    const kinds = entries.map((e) => e.kind).sort();
    expect(kinds).toEqual(['changed', 'changed', 'changed', 'changed', 'inserted', 'inserted', 'moved']);
    const find = (word: string) => entries.find((e) => e.pieces.map((p) => p.text).join('').includes(word))!;
    expect(find(INSERTED).pieces.filter((p) => p.op === '+').map((p) => p.text).join('')).toBe(INSERTED);
    expect(find('扩大有效投资').pieces.filter((p) => p.op === '-').map((p) => p.text).join('')).toBe(DELETED);
    const rw = find('优化提升传统产业');
    expect(rw.pieces.filter((p) => p.op !== '').map((p) => p.op + p.text)).toEqual(['-快', '+速']);
    expect(find(MOVED_START)).toMatchObject({ kind: 'moved', pieces: [{ op: '', text: expect.stringMatching(/^大力发展文化旅游业/) }] });
    const heading = find('着力保障和改善民生');
    expect(heading.kind).toBe('changed');
    expect(heading.pieces.filter((p) => p.op !== '').map((p) => p.op + p.text)).toEqual(['-九', '+十']);
    expect(entries.filter((e) => e.kind === 'inserted').map((e) => e.pieces[0].text)).toEqual(['（九）着力加强安全生产', '压紧压实安全生产责任，深入开展安全生产治本攻坚行动。']);
    // Reading order of the new edition.
    const order = entries.filter((e) => e.newParagraphId).map((e) => next.paragraphs.findIndex((p) => p.id === e.newParagraphId));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('the same text twice has no revision', async () => {
    const { prev } = await editions();
    expect(compareEditions(prev, prev)).toEqual([]);
  });
});
