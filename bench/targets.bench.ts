/**
 * Targets and drafts bench (issue 15): the targets table of a 60k-character report (goal ≤ 200 ms)
 * against segmenting the same report (baseline), and a 40-quote draft to .docx (goal ≤ 1 s) against
 * an empty draft.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, printTable, ratio, type Row, type Stats } from './lib';
import { segmentReport } from '../shared/report/segment';
import { extractTargets } from '../shared/targets';
import { draftBlocks, draftToDocx, seedDraftJson, type QuoteSource } from '../shared/drafts';

const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '../../shared/corpus/provincial-2026');

const row = (name: string, s: Stats, goal: string, base?: Stats): Row => ({
  case: name, n: s.n, 'mean ms': s.mean, 'p50 ms': s.p50, 'p95 ms': s.p95, goal, 'vs baseline': base ? ratio(s.mean, base.mean) : '—',
});

export default async function targetsBench(): Promise<void> {
  // Three real reports one after another: about 67k characters of real wording.
  const source = ['2026_浙江省_政府工作报告.txt', '2026_安徽省_政府工作报告.txt', '2026_湖北省_政府工作报告.txt']
    .map((f) => readFileSync(join(corpus, f), 'utf8'))
    .join('\n');
  const report = segmentReport(source, { id: 'bench' });
  if (report.text.length < 60_000) throw new Error(`bench assumes ≥ 60k characters, got ${report.text.length}`);
  const rows: Row[] = [];
  const seg = await measure(() => segmentReport(source, { id: 'bench' }), 10, 2);
  rows.push(row(`segment ${report.text.length} chars (baseline)`, seg, '—'));
  const targets = await measure(() => extractTargets(report), 20, 3);
  rows.push(row(`targets of ${report.text.length} chars (${extractTargets(report).length} rows)`, targets, '≤ 200 ms', seg));

  const found = extractTargets(report).filter((r) => r.number !== null).slice(0, 40);
  const sources: QuoteSource[] = found.map((r, i) => ({ annotationId: `a${i}`, quote: r.text, label: r.label, figure: `${r.indicator}${r.direction}${r.value}`, note: '此项目标的依据和上年完成情况需要说明。' }));
  const empty = seedDraftJson('proposal', '关于……的建议', []);
  const full = seedDraftJson('outline', '审议发言提纲', sources);
  const docxEmpty = await measure(() => draftToDocx(draftBlocks(empty, () => null)), 10, 2);
  rows.push(row('draft .docx, no quotes (baseline)', docxEmpty, '—'));
  const docx40 = await measure(() => draftToDocx(draftBlocks(full, () => null)), 10, 2);
  rows.push(row(`draft .docx, ${sources.length} quotes`, docx40, '≤ 1000 ms', docxEmpty));
  printTable('targets and drafts', rows);
}
