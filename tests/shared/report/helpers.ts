/**
 * Shared fixtures and property checks for the report tests (not a test file itself).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../shared/report/model';
import { parseKnownTypos, type KnownTypo } from '../../../shared/report/typos';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
/** The bundled report as shipped in resources/. */
export const bundledPath = resolve(repoRoot, 'resources/reports/changzhi-2026/source.txt');
/** The provincial corpus lives beside the repo (`../shared`), never copied into it. */
export const corpusDir = resolve(repoRoot, '../shared/corpus/provincial-2026');

export function bundledSource(): string {
  return readFileSync(bundledPath, 'utf8');
}

/** The bundled report's known typos (resources/reports/changzhi-2026/typos.json). */
export function bundledTypos(): KnownTypo[] {
  return parseKnownTypos(JSON.parse(readFileSync(resolve(bundledPath, '../typos.json'), 'utf8')));
}

export function corpusFiles(): { name: string; source: string }[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, source: readFileSync(resolve(corpusDir, name), 'utf8') }));
}

/** Removes every kind of whitespace: line breaks and indentation are layout, not text. */
export function squeeze(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/g, '');
}

/**
 * Rebuilds the body from the source by applying the recorded repairs (in order) and returns
 * [expected, actual]; equal iff no body character was lost or duplicated.
 */
export function reconstruct(source: string, report: Report): [string, string] {
  let s = squeeze(source);
  let cursor = 0;
  for (const r of report.repairs) {
    if (r.original === undefined) continue;
    const from = squeeze(r.original);
    const to = squeeze(r.replacement ?? '');
    const at = s.indexOf(from, cursor);
    if (at === -1) throw new Error(`repair ${r.kind} original “${r.original}” not found after offset ${cursor}`);
    s = s.slice(0, at) + to + s.slice(at + from.length);
    cursor = at + to.length;
  }
  return [s, squeeze(report.paragraphs.map((p) => p.text).join(''))];
}

/** Structural invariants of a Report; returns a list of violations (empty when sound). */
export function violations(report: Report): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const ws = /^[\s\u3000]*$/;
  if (report.text !== report.paragraphs.map((p) => p.text).join('\n')) out.push('Report.text is not the paragraphs joined by \\n');
  for (const p of report.paragraphs) {
    if (ids.has(p.id)) out.push(`duplicate id ${p.id}`);
    ids.add(p.id);
    if (report.text.slice(p.start, p.start + p.text.length) !== p.text) out.push(`${p.id}: start does not slice back`);
    if (p.text !== p.text.trim() || p.text === '') out.push(`${p.id}: text empty or not trimmed`);
    let at = 0;
    p.sentences.forEach((s, k) => {
      if (s.id !== `${p.id}.s${k + 1}`) out.push(`${s.id}: bad sentence id`);
      if (!(s.start >= at && s.end > s.start && s.end <= p.text.length)) out.push(`${s.id}: bad range`);
      if (!ws.test(p.text.slice(at, s.start))) out.push(`${s.id}: gap with text before it`);
      const t = p.text.slice(s.start, s.end);
      if (t !== t.trim()) out.push(`${s.id}: sentence has edge whitespace`);
      if (report.text.slice(p.start + s.start, p.start + s.end) !== t) out.push(`${s.id}: document offset does not slice back`);
      at = s.end;
    });
    if (!ws.test(p.text.slice(at))) out.push(`${p.id}: text after the last sentence`);
    if (p.lead && !(p.lead.start >= p.headingEnd && p.lead.end > p.lead.start && p.lead.end <= p.text.length)) out.push(`${p.id}: bad lead`);
    if (p.headingEnd < 0 || p.headingEnd > p.text.length) out.push(`${p.id}: bad headingEnd`);
    for (const r of p.subscripts) if (!(r.start < r.end && r.end <= p.text.length)) out.push(`${p.id}: bad subscript`);
  }
  for (const o of report.outline) {
    const p = report.paragraphs.find((x) => x.id === o.paragraphId);
    if (!p) out.push(`outline “${o.title}” points to missing ${o.paragraphId}`);
    else if (p.label !== o.label) out.push(`outline “${o.title}” label ${o.label} ≠ ${p.label}`);
  }
  for (const r of report.repairs) if (!ids.has(r.paragraphId)) out.push(`repair ${r.kind} points to missing ${r.paragraphId}`);
  for (const m of report.remarks) {
    const p = report.paragraphs.find((x) => x.id === m.paragraphId);
    if (!p || !(m.start < m.end && m.end <= p.text.length)) out.push(`remark “${m.note}” has a bad range`);
  }
  return out;
}
