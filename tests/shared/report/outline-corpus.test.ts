/**
 * The outline of each of the 16 provincial reports against its expected outline
 * (tests/fixtures/outlines/<省>.txt: level, tab, heading title). Prints a table of headings found /
 * bogus / missed per level and file; every file must score at least 98 % (matched headings over
 * expected plus bogus ones).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { corpusFiles, repoRoot } from './helpers';

const LEVELS = [0, 1, 2, 3] as const;
const TARGET = 0.98;

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
  it(`finds at least ${TARGET * 100}% of the expected headings, with few bogus ones`, () => {
    const found = segmentReport(source).outline.map((o) => `${o.level}\t${o.title}`);
    const row = compare(name, expectedOutline(name), found);
    rows.push(row);
    expect({ score: row.score, bogus: row.bogus, missed: row.missed }).toEqual(
      row.score >= TARGET ? { score: row.score, bogus: row.bogus, missed: row.missed } : { score: `≥ ${TARGET}`, bogus: [], missed: [] },
    );
  });
});
