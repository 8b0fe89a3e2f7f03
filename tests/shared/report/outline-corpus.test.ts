/**
 * The outline of each of the 16 provincial reports against its expected outline
 * (tests/fixtures/outlines/<省>.txt, written by reading each report: level, tab, heading title).
 * Prints a table of headings found / bogus / missed per level and file. The target is 98 % for
 * every file (matched headings over expected plus bogus ones); the files listed in BELOW_TARGET do
 * not reach it yet and must not fall below their recorded score (a file that reaches the target
 * must be taken off the list).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { corpusFiles, repoRoot } from './helpers';

const LEVELS = [0, 1, 2, 3] as const;
const TARGET = 0.98;

/**
 * Files whose leads the segmenter does not yet find as a reader does, with the score they reach
 * and why. Shape alone cannot tell these sub-leads (or non-leads) apart: the print shows them bold.
 */
const BELOW_TARGET: Record<string, { floor: number; why: string }> = {
  江苏省: { floor: 0.966, why: '三、(八) first lead 弘扬和践行社会主义核心价值观 heads a short stretch (49 characters, missed); actions 加快培育和引进头部文旅企业 and 强化食品药品安全全链条监管 head long stretches as leads do (bogus)' },
  辽宁省: { floor: 0.971, why: '重点领域改革有序推进 heads a terse action straight away (missed); 辽河干流堤防全线达标 and 全面开展成品油智慧监管 head figures as sub-leads do (bogus)' },
};

interface Row {
  file: string;
  perLevel: Record<number, { expected: number; found: number; bogus: number; missed: number }>;
  score: number;
  bogus: string[];
  missed: string[];
}

function expectedOutline(file: string): string[] {
  const name = file.replace(/^2026_/, '').replace(/_政府工作报告\.txt$/, '');
  return readFileSync(resolve(repoRoot, 'tests/fixtures/outlines', `${name}.txt`), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Multiset comparison: a title expected twice must be found twice. */
function compare(file: string, expected: string[], found: string[]): Row {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  const bogus: string[] = [];
  for (const f of found) {
    const n = pool.get(f) ?? 0;
    if (n > 0) pool.set(f, n - 1);
    else bogus.push(f);
  }
  const missed = [...pool].flatMap(([e, n]) => Array<string>(n).fill(e));
  const perLevel: Row['perLevel'] = {};
  for (const level of LEVELS) {
    const at = (xs: string[]) => xs.filter((x) => x.startsWith(`${level}\t`)).length;
    perLevel[level] = { expected: at(expected), found: at(found), bogus: at(bogus), missed: at(missed) };
  }
  const matched = expected.length - missed.length;
  return { file, perLevel, score: matched / (expected.length + bogus.length), bogus, missed };
}

const rows: Row[] = [];

afterAll(() => {
  const cell = (c: Row['perLevel'][number]) => `${c.found}/${c.expected} +${c.bogus} -${c.missed}`.padEnd(16);
  const lines = [
    `${'file'.padEnd(10, '　')}${LEVELS.map((l) => `L${l} found/exp`.padEnd(16)).join('')}score   (+bogus -missed)`,
    ...rows.map((r) => `${r.file.replace(/^2026_|_政府工作报告\.txt$/g, '').padEnd(10, '　')}${LEVELS.map((l) => cell(r.perLevel[l])).join('')}${(r.score * 100).toFixed(1)}%`),
  ];
  console.log(`\nOutline of the 16 corpus reports against tests/fixtures/outlines/\n${lines.join('\n')}`);
});

describe.each(corpusFiles())('outline of $name', ({ name, source }) => {
  const province = name.replace(/^2026_|_政府工作报告\.txt$/g, '');
  const known = BELOW_TARGET[province];
  it(known ? `stays at or above its recorded ${(known.floor * 100).toFixed(1)}% (${known.why})` : `finds at least ${TARGET * 100}% of the expected headings, with few bogus ones`, () => {
    const found = segmentReport(source).outline.map((o) => `${o.level}\t${o.title}`);
    const row = compare(name, expectedOutline(name), found);
    rows.push(row);
    if (known) {
      expect(row.score, `${province} reaches the target now: take it off BELOW_TARGET`).toBeLessThan(TARGET);
      expect(row.score, `bogus ${row.bogus.join(' | ')}; missed ${row.missed.join(' | ')}`).toBeGreaterThanOrEqual(known.floor);
      return;
    }
    expect({ score: row.score, bogus: row.bogus, missed: row.missed }).toEqual(
      row.score >= TARGET ? { score: row.score, bogus: row.bogus, missed: row.missed } : { score: `≥ ${TARGET}`, bogus: [], missed: [] },
    );
  });
});
