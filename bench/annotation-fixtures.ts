/** Generated annotations for the benches: the same records on every run (seeded PRNG). */
import { createAnchor } from '../shared/anchoring';
import { newAnnotation, type Annotation, type ColorKey } from '../shared/annotations';
import type { Report } from '../shared/report/model';

const COLORS: ColorKey[] = ['yellow', 'green', 'blue', 'red', 'purple'];

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` annotations all over the report: mostly phrases, some sentences, 1 in 20 crossing into the
 * next paragraph, about half with a note of up to `noteMax` characters of report text.
 */
export function randomAnnotations(report: Report, n: number, opts: { seed: number; noteMax: number }): Annotation[] {
  const rand = rng(opts.seed);
  const ps = report.paragraphs;
  const noteSource = ps.map((p) => p.text).join('');
  const out: Annotation[] = [];
  while (out.length < n) {
    const pi = Math.floor(rand() * ps.length);
    const p = ps[pi];
    const start = Math.floor(rand() * p.text.length);
    const cross = rand() < 0.05 && pi + 1 < ps.length;
    const len = rand() < 0.8 ? 2 + Math.floor(rand() * 14) : 16 + Math.floor(rand() * 80);
    const end = cross ? Math.min(ps[pi + 1].text.length, 1 + Math.floor(rand() * 30)) : Math.min(p.text.length, start + len);
    const anchor = createAnchor(report, { startSegmentId: p.id, startOffset: start, endSegmentId: cross ? ps[pi + 1].id : p.id, endOffset: end });
    if (!anchor) continue;
    const noteLen = rand() < 0.5 ? 0 : Math.floor(rand() * opts.noteMax);
    const at = Math.floor(rand() * (noteSource.length - noteLen));
    const text = noteSource.slice(at, at + noteLen);
    out.push(
      newAnnotation({
        id: `bench-${out.length}`,
        reportId: report.id,
        anchor,
        color: COLORS[out.length % COLORS.length],
        author: out.length % 3 === 0 ? '李四' : '张三',
        tags: rand() < 0.3 ? ['重点', `标签${out.length % 17}`] : [],
        note: text
          ? { json: JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } }), text }
          : undefined,
        now: 1_750_000_000_000 + out.length,
      }),
    );
  }
  return out;
}
