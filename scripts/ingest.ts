/**
 * `npm run ingest -- <file> [--json]`: reads a report (.txt in UTF-8/UTF-16/GB18030, .docx, .pdf,
 * .html) through the app's one loader and prints its outline and a repair summary in Chinese, or
 * (with --json) one JSON object on stdout for scripts.
 * Exit codes: 0 success, 2 unusable input (missing, unreadable format, empty, binary) or bad usage.
 */
import { basename } from 'node:path';
import { loadFileOrExit, parseFileArgs } from './load-file';
import type { Report } from '../shared/report/model';

const USAGE = '用法：npm run ingest -- <报告文件（.txt/.docx/.pdf/.html）> [--json]';

/** Chinese names of repair kinds, in the order the summary lists them. */
const REPAIR_NAMES: [kind: string, name: string][] = [
  ['page-break-join', '接合被版面断开的段落'],
  ['continuation-marker', '移除版面接转标记'],
  ['run-together-heading', '拆分与正文连排的条目标题'],
  ['markup-subscript', '还原排版标记（下标）'],
  ['chrome-removed', '移除网页元素'],
  ['title-extracted', '提取报告标题'],
  ['front-matter', '移入报头'],
  ['encoding', '文字编码'],
  ['format', '文件格式'],
  ['page-chrome-removed', '移除页眉页脚和页码'],
  ['site-chrome-removed', '移除网页元素'],
];

/** The JSON shape promised to scripts (issue 2), plus id, kind, lead and fingerprint. */
function toJson(report: Report): unknown {
  return {
    id: report.id,
    title: report.title,
    format: report.format ?? 'txt',
    front: report.front ?? [],
    continuesFrom: report.continuesFrom,
    continuesOn: report.continuesOn,
    fingerprint: report.fingerprint,
    outline: report.outline.map((o) => ({ level: o.level, title: o.title, paragraphId: o.paragraphId, label: o.label })),
    paragraphs: report.paragraphs.map((p) => ({
      id: p.id,
      label: p.label,
      kind: p.kind,
      text: p.text,
      headingEnd: p.headingEnd,
      lead: p.lead,
      marker: p.marker,
      subscripts: p.subscripts,
      sentences: p.sentences.map((s) => ({ id: s.id, start: s.start, end: s.end })),
    })),
    repairs: report.repairs.map((r) => ({ kind: r.kind, paragraphId: r.paragraphId, detail: r.detail })),
    remarks: report.remarks.map((m) => ({ paragraphId: m.paragraphId, start: m.start, end: m.end, note: m.note })),
  };
}

/** Human-readable summary: header, outline, repairs with counts, remarks. */
function toSummary(report: Report, fileName: string): string {
  const out: string[] = [];
  const count = (k: string) => report.paragraphs.filter((p) => p.kind === k).length;
  out.push(`《${report.title}》 (${fileName})`);
  if (report.front?.length) out.push(`报头：${report.front.map((f) => f.text).join(' / ')}`);
  if (report.continuesFrom || report.continuesOn) {
    const parts = [report.continuesFrom && `上接${report.continuesFrom}`, report.continuesOn && `下转${report.continuesOn}`].filter(Boolean);
    out.push(`本文为节选：${parts.join('，')}。`);
  }
  out.push(
    `共 ${report.paragraphs.length} 段：部分标题 ${count('part')}，条目标题 ${count('item')}，正文 ${count('body')}；` +
      `${report.paragraphs.reduce((n, p) => n + p.sentences.length, 0)} 句，${report.text.length} 字符。指纹 ${report.fingerprint}`,
  );
  out.push('', '目录：');
  if (report.outline.length === 0) out.push('  （未识别出部分、条目或小标题）');
  for (const o of report.outline) out.push(`${'  '.repeat(o.level)}${o.title}  [${o.label}]`);

  out.push('', `修复摘要（共 ${report.repairs.length} 处）：`);
  if (report.repairs.length === 0) out.push('  无');
  const known = new Set(REPAIR_NAMES.map(([k]) => k));
  const kinds = [...REPAIR_NAMES, ...[...new Set(report.repairs.map((r) => r.kind))].filter((k) => !known.has(k)).map((k): [string, string] => [k, k])];
  for (const [kind, name] of kinds) {
    const list = report.repairs.filter((r) => r.kind === kind);
    if (list.length === 0) continue;
    out.push(`  ${name}：${list.length} 处`);
    for (const r of list) out.push(`    [${r.paragraphId}] ${r.detail}`);
  }

  out.push('', `勘误提示（原文未改动，共 ${report.remarks.length} 处）：`);
  if (report.remarks.length === 0) out.push('  无');
  for (const m of report.remarks) {
    const p = report.paragraphs.find((x) => x.id === m.paragraphId)!;
    out.push(`  [${p.label}] “${p.text.slice(m.start, m.end)}”：${m.note}`);
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { file, json } = parseFileArgs(argv, USAGE);

  const report = await loadFileOrExit(file);
  if (json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
  else process.stdout.write(`${toSummary(report, basename(file))}\n`);
}

void main(process.argv.slice(2));
