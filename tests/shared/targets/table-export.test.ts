import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { segmentReport } from '../../../shared/report/segment';
import { extractTargets, targetsToCsv, targetsToXlsx } from '../../../shared/targets';
import { bundledPath } from '../report/helpers';

const rows = extractTargets(segmentReport(readFileSync(bundledPath, 'utf8'), { id: 'changzhi-2026' }));

describe('targets table export', () => {
  it('writes CSV with a BOM, a header and one line per row', () => {
    const csv = targetsToCsv(rows);
    expect(csv.startsWith('\ufeff位置,类别,指标,方向,数值,单位,原文\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
    expect(csv).toContain('三¶2,年度主要预期目标,地区生产总值,增长,6%左右,%,地区生产总值增长6%左右');
  });

  it('writes an .xlsx that exceljs reads back with the same cells', async () => {
    const bytes = await targetsToXlsx(rows, '长治市政府工作报告');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('目标任务')!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    const gdp = rows.findIndex((r) => r.text === '地区生产总值增长6%左右');
    expect(sheet.getRow(gdp + 2).values).toEqual([undefined, '三¶2', '年度主要预期目标', '地区生产总值', '增长', '6%左右', '%', '地区生产总值增长6%左右']);
  });
});
