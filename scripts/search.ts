/**
 * `npm run search -- "<query>" [--report <file>]… [--scope all|report|notes] [--limit N] [--json]`
 *
 * Searches a report with the app's own search code (shared/search) and prints the ranked
 * results: with `--json` a JSON array of
 * `{reportId, reportTitle, paragraphId, sentenceId, label, text, ranges, score, kind, source, group}` (ranges are
 * `[start, end)` UTF-16 offsets into `text`, the sentence), else a readable Chinese list.
 * `--report` may be given several times: the reports are searched together, as 书架全部 does in
 * the app, results grouped by report in the order given. Default report: the bundled one. Exit codes: 0 (also when nothing is found: `[]`), 2 on bad
 * usage or an unreadable report.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFormatLibraries } from '../electron/main/format-libraries';
import { loadReportFile } from '../shared/report/load/load-report';
import { bundledMeta } from './bundled-meta';
import type { Report } from '../shared/report/model';
import { SearchEngine } from '../shared/search/engine';
import type { SearchResult, SearchScope } from '../shared/search/types';

const BUNDLED = fileURLToPath(new URL('../resources/reports/changzhi-2026/source.txt', import.meta.url));

const USAGE = '用法：npm run search -- "<关键词>" [--report <报告文件>]…（可多次） [--scope all|report|notes] [--limit N] [--json]';

export interface CliArgs {
  query: string;
  /** Report files, in the order given (at least one). */
  reports: string[];
  json: boolean;
  scope: SearchScope;
  limit: number | undefined;
}

class UsageError extends Error {}

/** Parses argv (without node and script); throws UsageError with a Chinese message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const rest: string[] = [];
  const reports: string[] = [];
  let json = false;
  let scope: SearchScope = 'all';
  let limit: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`参数 ${a} 缺少取值。`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--report') reports.push(resolve(value()));
    else if (a === '--scope') {
      const v = value();
      if (v !== 'all' && v !== 'report' && v !== 'notes') throw new UsageError(`--scope 只能是 all、report 或 notes，收到“${v}”。`);
      scope = v;
    } else if (a === '--limit') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new UsageError('--limit 须为非负整数。');
      limit = v;
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else rest.push(a);
  }
  if (rest.length === 0) throw new UsageError('缺少搜索关键词。');
  return { query: rest.join(' '), reports: reports.length ? reports : [BUNDLED], json, scope, limit };
}

/**
 * Reads a report file of any format 打开报告 accepts, through the app's loader; throws an Error with
 * a Chinese message saying what to do.
 */
export async function loadReport(path: string): Promise<Report> {
  if (!existsSync(path)) throw new Error(`找不到报告文件：${path}。请检查路径。`);
  if (!statSync(path).isFile()) throw new Error(`不是文件：${path}。请指定一个报告文件（.txt/.docx/.pdf/.html）。`);
  const loaded = await loadReportFile({ bytes: readFileSync(path), fileName: basename(path), bundled: bundledMeta(path) }, nodeFormatLibraries);
  if (!loaded.ok) throw new Error(`报告文件无法读取：${path}：${loaded.error}`);
  return loaded.value;
}

const KIND_LABEL: Record<SearchResult['kind'], string> = { exact: '精确', 'all-words': '含全部词语', fuzzy: '近似' };

/** The readable list: `1. 三(二)¶1 [精确] 推动【煤炭】绿色智能转型。` grouped lines. */
export function formatText(query: string, results: SearchResult[], total: number, closest: string[]): string {
  if (total === 0) {
    const near = closest.length ? `最接近的是：${closest.map((c) => `“${c}”`).join('、')}。` : '';
    return `“${query}”：无结果。${near}`;
  }
  const lines = [`“${query}”：共 ${total} 处${results.length < total ? `（列出前 ${results.length} 处）` : ''}。`];
  const several = new Set(results.map((r) => r.reportId)).size > 1;
  let title = '';
  results.forEach((r, i) => {
    if (several && r.reportTitle !== title) lines.push(`《${(title = r.reportTitle)}》`);
    let marked = '';
    let at = 0;
    for (const [a, b] of r.ranges) {
      marked += `${r.text.slice(at, a)}【${r.text.slice(a, b)}】`;
      at = b;
    }
    marked += r.text.slice(at);
    const src = r.source === 'note' ? `批注${r.author ? `·${r.author}` : ''} ` : '';
    lines.push(`${i + 1}. ${r.label || r.group.label} ${src}[${KIND_LABEL[r.kind]}] ${marked}`);
  });
  return lines.join('\n');
}

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: readonly string[],
  out: (s: string) => unknown = (s) => process.stdout.write(s),
  err: (s: string) => unknown = (s) => process.stderr.write(s),
): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message ? `${e.message}\n` : ''}${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const reports: Report[] = [];
  try {
    for (const file of args.reports) {
      const report = await loadReport(file);
      // The same text given twice would list every hit twice.
      if (!reports.some((r) => r.id === report.id)) reports.push(report);
    }
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const engine = new SearchEngine();
  engine.setReports(reports);
  const res = engine.search(args.query, { scope: args.scope, limit: args.limit });
  if (args.json) {
    const rows = res.results.map((r) => ({
      reportId: r.reportId,
      reportTitle: r.reportTitle,
      paragraphId: r.paragraphId,
      sentenceId: r.sentenceId,
      label: r.label,
      text: r.text,
      ranges: r.ranges,
      score: r.score,
      kind: r.kind,
      source: r.source,
      group: r.group.label,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(`${formatText(args.query, res.results, res.total, res.closest)}\n`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
