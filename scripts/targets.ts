/**
 * `npm run targets -- <file> [--json]`: the report's targets table (目标任务). Without --json, one
 * line per row in Chinese; with --json, the rows as a JSON array on stdout:
 * `[{paragraphId, sentenceId, label, text, indicator, value, unit, direction, category, start, end}]`.
 * Exit codes: 0 success, 2 unusable input or bad usage.
 */
import { basename } from 'node:path';
import { extractTargets } from '../shared/targets';
import { loadFileOrExit, parseFileArgs } from './load-file';

const USAGE = '用法：npm run targets -- <报告文件（.txt/.docx/.pdf/.html）> [--json]';

async function main(argv: string[]): Promise<void> {
  const { file, json } = parseFileArgs(argv, USAGE);
  const report = await loadFileOrExit(file);
  const rows = extractTargets(report);
  if (json) {
    const out = rows.map(({ paragraphId, sentenceId, label, text, indicator, value, unit, direction, category, start, end }) => ({
      paragraphId, sentenceId, label, text, indicator, value, unit, direction, category, start, end,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const lines = [`《${report.title}》 (${basename(file)})：共 ${rows.length} 条目标任务`];
  for (const r of rows) lines.push(`[${r.label}] ${r.category}｜${r.indicator}｜${r.direction}｜${r.value}｜“${r.text}”`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main(process.argv.slice(2));
