/**
 * Quality of the targets extractor on the 主要预期目标 passage of 17 real reports, against labels
 * written by hand (passage-labels.ts). Prints recall and precision per file; the goal is recall
 * ≥ 95 % and precision ≥ 90 % over all files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { extractTargets, type TargetRow } from '../../../shared/targets';
import { corpusDir, corpusFiles, repoRoot } from '../report/helpers';
import { PASSAGE_LABELS, type Expected } from './passage-labels';

const BUNDLED = 'changzhi-2026-government-work-report.txt';

function norm(s: string): string {
  return s.replace(/[％]/g, '%').replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function similarIndicator(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const g of bx) if (by.has(g)) common++;
  return (2 * common) / (bx.size + by.size) >= 0.5;
}

export function matches(row: TargetRow, e: Expected): boolean {
  if (!norm(row.text).includes(norm(e.quote))) return false;
  if (!similarIndicator(row.indicator, e.indicator)) return false;
  if (/\d/.test(e.value)) return norm(row.value) === norm(e.value);
  return row.direction === e.value || norm(row.value).includes(e.value);
}

/** Rows the extractor puts in the year's targets passage: that category plus 约束性 rows beside it. */
export function passageRows(rows: TargetRow[]): TargetRow[] {
  const paragraphs = new Set(rows.filter((r) => r.category === '年度主要预期目标').map((r) => r.paragraphId));
  return rows.filter((r) => r.category === '年度主要预期目标' || (r.category === '约束性目标' && paragraphs.has(r.paragraphId)));
}

interface Score {
  file: string;
  expected: number;
  found: number;
  hits: number;
  missed: Expected[];
  extra: TargetRow[];
}

function score(file: string, source: string): Score {
  const rows = passageRows(extractTargets(segmentReport(source, { id: file })));
  const expected = PASSAGE_LABELS[file];
  const used = new Set<TargetRow>();
  const missed: Expected[] = [];
  for (const e of expected) {
    const hit = rows.find((r) => !used.has(r) && matches(r, e));
    if (hit) used.add(hit);
    else missed.push(e);
  }
  return { file, expected: expected.length, found: rows.length, hits: used.size, missed, extra: rows.filter((r) => !used.has(r)) };
}

describe('targets of the 主要预期目标 passage against hand labels', () => {
  const inputs = [
    { name: BUNDLED, source: readFileSync(resolve(repoRoot, 'resources/reports/changzhi-2026/source.txt'), 'utf8') },
    ...corpusFiles(),
  ];
  const scores = inputs.map((f) => score(f.name, f.source));

  it('labels every one of the 17 reports', () => {
    expect(corpusDir).toContain('provincial-2026');
    expect(Object.keys(PASSAGE_LABELS).sort()).toEqual(inputs.map((f) => f.name).sort());
  });

  it('reaches recall ≥ 95 % and precision ≥ 90 % over all files (table printed)', () => {
    const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
    const lines = ['file | labelled | extracted | matched | recall | precision'];
    for (const s of scores) lines.push(`${s.file} | ${s.expected} | ${s.found} | ${s.hits} | ${pct(s.hits, s.expected)} | ${pct(s.hits, s.found)}`);
    const expected = scores.reduce((n, s) => n + s.expected, 0);
    const found = scores.reduce((n, s) => n + s.found, 0);
    const hits = scores.reduce((n, s) => n + s.hits, 0);
    lines.push(`ALL | ${expected} | ${found} | ${hits} | ${pct(hits, expected)} | ${pct(hits, found)}`);
    for (const s of scores) {
      for (const m of s.missed) lines.push(`  missed ${s.file}: ${m.quote} (${m.indicator} ${m.value})`);
      for (const x of s.extra) lines.push(`  extra ${s.file}: ${x.text} → ${x.indicator}｜${x.direction}｜${x.value}`);
    }
    console.log(lines.join('\n'));
    expect(hits / expected).toBeGreaterThanOrEqual(0.95);
    expect(hits / found).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the passage in every report (no file below 80 % recall)', () => {
    const weak = scores.filter((s) => s.hits / s.expected < 0.8).map((s) => `${s.file} ${s.hits}/${s.expected}`);
    expect(weak).toEqual([]);
  });
});
