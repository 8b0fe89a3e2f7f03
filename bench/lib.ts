/**
 * Tiny benchmark helpers: every suite measures its subject and a baseline in the same run and
 * prints one table with the ratio, so numbers from different machines stay comparable.
 */
import { performance } from 'node:perf_hooks';

export interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summary of a list of durations in ms. */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return {
    n: s.length,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    p50: at(0.5),
    p95: at(0.95),
    max: s[s.length - 1],
  };
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times; durations in ms. */
export async function measure(fn: () => unknown, iterations = 20, warmup = 3): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export type Row = Record<string, string | number>;

/** Prints a titled Markdown table (numbers rounded to 2 decimals). */
export function printTable(title: string, rows: Row[]): void {
  console.log(`\n### ${title}\n`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const fmt = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v);
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${cols.map((c) => fmt(r[c] ?? '')).join(' | ')} |`);
}

/** `a / b` formatted as `12.3×`. */
export function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a';
}
