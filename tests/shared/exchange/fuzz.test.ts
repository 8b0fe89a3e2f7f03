/**
 * "A member's file never breaks the app": thousands of seeded random mutations of realistic
 * files (values swapped for other types, huge numbers, deep nesting, foreign node types, keys
 * deleted or added, text truncated). Whatever the parsers get, they answer without throwing, and
 * everything they accept is a record the store and the note editor can use as is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { annotationSchema, MAX_TIMESTAMP, validateNoteJson } from '../../../shared/annotations';
import type { Annotation } from '../../../shared/annotations/model';
import { MAX_CLOCK_SKEW_MS, parseExchange, parseWebAnnotations, serializeExchange, serializeWebAnnotations } from '../../../shared/exchange';
import type { Report } from '../../../shared/report/model';
import { bundledReport, sampleAnnotations } from '../export/fixture';
import { pick, prng } from './helpers';

const NOW = Date.UTC(2026, 11, 3, 6, 0);

let report: Report;
let exchangeFile: unknown;
let webFile: unknown;

beforeAll(async () => {
  report = await bundledReport();
  const annotations = sampleAnnotations(report);
  exchangeFile = JSON.parse(serializeExchange({ exportedAt: NOW, exportedBy: '李四', report, annotations }));
  webFile = JSON.parse(serializeWebAnnotations({ report, annotations, exportedAt: NOW, exportedBy: '李四' }));
});

const deepList = (levels: number) => {
  let node: unknown = { type: 'text', version: 1, text: 'x' };
  for (let i = 0; i < levels; i++) node = { type: 'list', version: 1, children: [{ type: 'listitem', version: 1, children: [node] }] };
  return JSON.stringify({ root: { type: 'root', version: 1, children: [node] } });
};

/** Replacement values a damaged or hostile file might hold. */
const NASTY: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => -1,
  () => 1.5,
  () => 2 ** 53 - 1,
  () => MAX_TIMESTAMP + 1,
  () => NOW + 10 * MAX_CLOCK_SKEW_MS,
  () => '',
  () => 'orange',
  () => '长'.repeat(300),
  () => [],
  () => [[[[[]]]]],
  () => ({}),
  () => JSON.parse('{"__proto__":{"polluted":true}}'),
  () => true,
  () => deepList(60),
  () => '{"root":{"type":"root","children":[{"type":"image","src":"x"}]}}',
  () => '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"x","style":"position:fixed"}]}]}}',
  () => '<img src=x onerror=alert(1)>',
  () => '\u0000\ud800',
];

/** Every path to a value in `v`. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** A copy of `doc` with 1–4 random mutations. */
function mutate(doc: unknown, rnd: () => number): string {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const times = 1 + Math.floor(rnd() * 4);
  for (let t = 0; t < times; t++) {
    const p = pick(rnd, all);
    let parent: any = copy;
    for (const key of p.slice(0, -1)) parent = parent?.[key];
    if (typeof parent !== 'object' || parent === null) continue;
    const last = p[p.length - 1];
    const r = rnd();
    if (r < 0.7) parent[last] = pick(rnd, NASTY)();
    else if (r < 0.85) delete parent[last];
    else parent[`extra${t}`] = pick(rnd, NASTY)();
  }
  const text = JSON.stringify(copy);
  // Sometimes the file is cut short, as on a full USB stick.
  return rnd() < 0.05 ? text.slice(0, Math.floor(rnd() * text.length)) : text;
}

/** What the store requires of an accepted record, checked independently of the parser. */
function usable(a: Annotation) {
  expect(annotationSchema.safeParse(a).success).toBe(true);
  if (a.note.json !== null) expect(validateNoteJson(a.note.json).ok).toBe(true);
  expect(a.updatedAt).toBeLessThanOrEqual(NOW + MAX_CLOCK_SKEW_MS);
  expect(a.createdAt).toBeLessThanOrEqual(NOW + MAX_CLOCK_SKEW_MS);
  expect(Object.prototype).not.toHaveProperty('polluted');
}

describe('fuzz: mutated files never break the parsers', () => {
  it('parseExchange: 2,000 mutated exchange files answer without throwing; accepted records are usable', () => {
    const rnd = prng(11);
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const text = mutate(exchangeFile, rnd);
      const r = parseExchange(text, { now: NOW });
      if (!r.ok) {
        refused++;
        expect(r.error).toMatch(/[\u4e00-\u9fff]/);
        continue;
      }
      r.value.annotations.forEach(usable);
      expect(r.value.annotations.every((a) => a.reportId === r.value.report.id)).toBe(true);
    }
    // Most mutations break something the format requires; some (an extra key) are harmless.
    expect(refused).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(2000);
  });

  it('parseWebAnnotations: 1,000 mutated JSON-LD files answer without throwing; accepted records are usable', () => {
    const rnd = prng(12);
    for (let i = 0; i < 1000; i++) {
      const r = parseWebAnnotations(mutate(webFile, rnd), report, { now: NOW });
      if (!r.ok) {
        expect(r.error).toMatch(/[\u4e00-\u9fff]/);
        continue;
      }
      r.value.annotations.forEach(usable);
      expect(r.value.annotations.every((a) => a.reportId === report.id && !a.deleted)).toBe(true);
      for (const s of r.value.skipped) expect(s.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
