/**
 * Keeps the tuning constants of resolve-anchor.ts honest: they were chosen from these
 * measurements on the bundled report, and must stay on the safe side of them.
 */
import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { prefixDistance, reverse } from '../../../shared/anchoring/edit-distance';
import { AMBIGUITY_MARGIN, CONTEXT_SUPPORT, FUZZY_ERROR_RATE } from '../../../shared/anchoring/resolve-anchor';
import { bundledSource, segment } from './report-fixture';

const text = segment(bundledSource).text;

describe('anchoring thresholds on the bundled report', () => {
  it('context of the wrong occurrence of a repeated phrase never reaches CONTEXT_SUPPORT', () => {
    let worst = 0;
    let pairs = 0;
    const seen = new Set<string>();
    for (const len of [4, 8]) {
      for (let a = 0; a + len < text.length; a += 3) {
        const q = text.slice(a, a + len);
        if (q.includes('\n') || seen.has(q)) continue;
        seen.add(q);
        const occ: number[] = [];
        for (let x = text.indexOf(q); x !== -1; x = text.indexOf(q, x + 1)) occ.push(x);
        for (const i of occ) {
          const prefix = text.slice(Math.max(0, i - 32), i);
          const suffix = text.slice(i + len, i + len + 32);
          for (const j of occ) {
            if (i === j) continue;
            pairs++;
            const pre = 1 - prefixDistance(reverse(prefix), reverse(text.slice(Math.max(0, j - 40), j))) / prefix.length;
            const suf = 1 - prefixDistance(suffix, text.slice(j + len, j + len + 40)) / suffix.length;
            worst = Math.max(worst, pre, suf);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
    expect(worst).toBeLessThan(CONTEXT_SUPPORT);
  });

  it('unrelated 70-character passages are further apart than fuzzy matching allows, with margin', () => {
    const len = 70;
    let closest = 1;
    for (let k = 0; k < 60; k++) {
      const s = Math.floor(((k + 0.5) * (text.length - len)) / 60);
      const masked = text.slice(0, Math.max(0, s - len)) + '\uffff'.repeat(Math.min(text.length, s + 2 * len) - Math.max(0, s - len)) + text.slice(s + 2 * len);
      const m = search(masked, text.slice(s, s + len), Math.floor(len * 0.7));
      closest = Math.min(closest, m.length > 0 ? m[0].errors / len : 1);
    }
    expect(closest).toBeGreaterThan(FUZZY_ERROR_RATE + AMBIGUITY_MARGIN);
  });
});
