/** Corpus reports read through the app's own loader (not a test file itself). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeFormatLibraries } from '../../../electron/main/format-libraries';
import { loadReportFile } from '../../../shared/report/load/load-report';
import type { Report } from '../../../shared/report/model';
import { corpusDir } from '../report/helpers';

/** A report of the provincial corpus, or any text, as 打开报告 reads it. */
export async function readReport(text: string, fileName: string): Promise<Report> {
  const r = await loadReportFile({ bytes: new TextEncoder().encode(text), fileName }, nodeFormatLibraries);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export function corpusText(province: string): string {
  return readFileSync(resolve(corpusDir, `2026_${province}_政府工作报告.txt`), 'utf8');
}

export const corpusReport = (province: string) => readReport(corpusText(province), `2026_${province}_政府工作报告.txt`);
