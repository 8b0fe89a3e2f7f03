import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAnchor } from '../../../shared/anchoring';
import { DEFAULT_LEGEND, type Annotation } from '../../../shared/annotations/model';
import { annotationsToCsv, csvCell, CSV_COLUMNS, formatCsvTime } from '../../../shared/export/annotation-csv';
import type { Report } from '../../../shared/report/model';
import { bundledReport, sampleAnnotations } from './fixture';

/** RFC 4180 reader, as Excel/WPS read the file (quoted cells may hold commas, quotes, line breaks). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('last row not terminated by CRLF');
  return rows;
}

let report: Report;
let anns: Annotation[];
let csv: string;
let rows: string[][];

beforeAll(async () => {
  report = await bundledReport();
  anns = sampleAnnotations(report);
  const s05 = anns.find((a) => a.id === 's05')!;
  s05.note = { json: null, text: '差距具体指什么？\n1. 与"太原"比，\n2. 与全省平均比' };
  anns.find((a) => a.id === 's07')!.note = { json: null, text: '=HYPERLINK("http://evil.example","点此")' };
  anns.find((a) => a.id === 's08')!.note = { json: null, text: '-3% 是同比还是环比' };
  csv = annotationsToCsv(anns, { report });
  rows = readCsv(csv.slice(1));
});

describe('annotationsToCsv', () => {
  it('starts with a UTF-8 BOM (Excel/WPS read Chinese right) and the Chinese header, rows end in CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith('位置,颜色,原文,批注,标签,署名,创建时间,修改时间\r\n')).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes one row per live annotation in the order given, deleted ones left out', () => {
    expect(rows).toHaveLength(1 + anns.filter((a) => !a.deleted).length);
    expect(rows.slice(1).map((r) => r[2])).toEqual(anns.filter((a) => !a.deleted).map((a) => a.anchor.quote));
  });

  it('fills every column: citation label, colour with its meaning, quote, note, tags, author, Beijing times', () => {
    const s01 = anns.find((a) => a.id === 's01')!;
    const label = report.paragraphs.find((p) => p.id === s01.anchor.segmentId)!.label;
    expect(rows[1]).toEqual([label, '绿（数据指标）', '进出口总额较“十三五”增长84%', '外贸增速可与全省对比', '数据', '张三', '2023-11-15 06:13', '2023-11-15 06:13']);
    const s03 = rows.find((r) => r[2] === '浓度降至30微克/立方米')!;
    expect(s03[4]).toBe('数据、生态');
    expect(s03[3]).toBe('注意 PM2.5 口径 <script>alert(1)</script>');
  });

  it('keeps commas, quotes and line breaks of a note inside its cell', () => {
    const s05 = rows.find((r) => r[2] === '区域中心城市建设差距较大')!;
    expect(s05[3]).toBe('差距具体指什么？\n1. 与"太原"比，\n2. 与全省平均比');
    expect(csv).toContain('"差距具体指什么？\n1. 与""太原""比，\n2. 与全省平均比"');
  });

  it('defuses notes a spreadsheet would run as formulas (CSV injection)', () => {
    expect(rows.find((r) => r[2] === '煤炭先进产能达到97%以上')![3]).toBe(`'=HYPERLINK("http://evil.example","点此")`);
    expect(rows.find((r) => r[2] === '研发经费投入强度达到全国平均水平')![3]).toBe("'-3% 是同比还是环比");
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'].map(csvCell).map((c) => c.replace(/^"|"$/g, ''))).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(csvCell('——新提法')).toBe('——新提法');
  });

  it('names both ends of a selection across paragraphs, and says 原文位置未知 for an orphan', () => {
    const s12 = anns.find((a) => a.id === 's12')!;
    const from = report.paragraphs.find((p) => p.id === s12.anchor.segmentId)!.label;
    const to = report.paragraphs.find((p) => p.id === s12.anchor.endSegmentId)!.label;
    expect(rows.find((r) => r[2] === s12.anchor.quote)![0]).toBe(`${from}—${to}`);
    expect(rows.find((r) => r[2] === '深入实施消费提振专项工作')![0]).toBe('原文位置未知');
  });

  it('uses the re-anchored place when resolutions are given', () => {
    const resolutions = new Map(anns.map((a) => [a.id, resolveAnchor(report, a.anchor)]));
    const again = readCsv(annotationsToCsv(anns, { report, resolutions }).slice(1));
    // s19's quote was edited; re-anchoring finds its new place (fuzzy), so it is no longer 原文位置未知.
    const s19 = resolutions.get('s19')!;
    expect(s19.status).toBe('fuzzy');
    const s19Label = s19.status === 'orphan' ? '' : report.paragraphs.find((p) => p.id === s19.segmentId)!.label;
    expect(again.map((r) => r[0])).toEqual(rows.map((r) => (r[0] === '原文位置未知' ? s19Label : r[0])));
    resolutions.set('s19', { status: 'orphan' });
    expect(readCsv(annotationsToCsv(anns, { report, resolutions }).slice(1)).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  it('uses the user\'s colour meanings and another time zone when asked', () => {
    const legend = DEFAULT_LEGEND.map((e) => (e.color === 'green' ? { ...e, meaning: '指标' } : e));
    const one = readCsv(annotationsToCsv([anns[0]], { report, legend, utcOffsetMinutes: 0 }).slice(1));
    expect(one[1][1]).toBe('绿（指标）');
    expect(one[1][6]).toBe('2023-11-14 22:13');
  });

  it('formats times, and an impossible time as empty', () => {
    expect(formatCsvTime(Date.UTC(2026, 2, 5, 1, 30), 480)).toBe('2026-03-05 09:30');
    expect(formatCsvTime(8.64e15 + 1, 0)).toBe('');
  });

  it('an empty list is the header alone', () => {
    expect(annotationsToCsv([], { report })).toBe('\uFEFF位置,颜色,原文,批注,标签,署名,创建时间,修改时间\r\n');
  });
});
