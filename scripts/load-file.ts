/** Reads a report file for a CLI through the app's one loader; exits with a Chinese message (code 2) when unusable. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { nodeFormatLibraries } from '../electron/main/format-libraries';
import { bundledMeta } from './bundled-meta';
import { loadReportFile } from '../shared/report/load/load-report';
import type { Report } from '../shared/report/model';

export function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(2);
}

/**
 * The one report file and the flags of a CLI that takes `<file> [--json]`; exits 2 with `usage`
 * on an unknown option or not exactly one file.
 */
export function parseFileArgs(argv: readonly string[], usage: string): { file: string; json: boolean } {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--json');
  if (unknown.length > 0) fail(`不认识的选项 ${unknown.join(' ')}。\n${usage}`);
  if (files.length !== 1) fail(`请给出一个报告文件。\n${usage}`);
  return { file: files[0], json: flags.includes('--json') };
}

/** The report in `file` (.txt in any encoding, .docx, .pdf, .html), or exit 2 with the reason. */
export async function loadFileOrExit(file: string): Promise<Report> {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) fail(`“${file}”是一个文件夹，不是报告文件。`);
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`找不到文件“${file}”。`);
    if (code === 'EACCES') fail(`没有权限读取文件“${file}”。`);
    fail(`无法读取文件“${file}”：${(e as Error).message}`);
  }
  let bundled;
  try {
    bundled = bundledMeta(file);
  } catch (e) {
    fail(`${file}：勘误表 typos.json 格式错误：${(e as Error).message}`);
  }
  const loaded = await loadReportFile({ bytes, fileName: basename(file), bundled }, nodeFormatLibraries);
  if (!loaded.ok) fail(`${file}：${loaded.error}`);
  return loaded.value;
}
