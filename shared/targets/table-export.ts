/**
 * The targets table as CSV (UTF-8 with BOM, like the annotation list's CSV) and as .xlsx (exceljs,
 * loaded only when asked for: it is large and most sessions never export).
 */
import { csvCell } from '../export/annotation-csv';
import type { TargetRow } from './model';
import { toDisplayText } from '../report/display';

export const TARGET_COLUMNS = ['位置', '类别', '指标', '方向', '数值', '单位', '原文'] as const;

function cells(r: TargetRow): string[] {
  // 原文 as the reader shows it (full-width punctuation); offsets are not exported.
  return [r.label, r.category, r.indicator, r.direction, r.value, r.unit, toDisplayText(r.text)];
}

/** CSV text (BOM, CRLF, formula starts defused) of `rows` in the order given. */
export function targetsToCsv(rows: readonly TargetRow[]): string {
  const lines = [TARGET_COLUMNS.join(','), ...rows.map((r) => cells(r).map(csvCell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** An .xlsx workbook (one sheet 目标任务, header frozen, filters on) of `rows`. */
export async function targetsToXlsx(rows: readonly TargetRow[], title: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '研读';
  book.title = title;
  const sheet = book.addWorksheet('目标任务', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TARGET_COLUMNS.map((header, i) => ({ header, key: String(i), width: [10, 16, 28, 10, 16, 12, 60][i] }));
  sheet.getRow(1).font = { bold: true };
  // Cells are text: a value such as `=1+1` in a report must stay text, and exceljs writes strings as strings.
  for (const r of rows) sheet.addRow(cells(r));
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TARGET_COLUMNS.length } };
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
