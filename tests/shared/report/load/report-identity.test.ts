import { describe, expect, it } from 'vitest';
import { reportId, reportTitle, titleFromMeetingLine, UNTITLED } from '../../../../shared/report/load/report-identity';

describe('reportId', () => {
  it('keeps a bundled report’s folder id and names an opened file by its content', () => {
    expect(reportId('0123456789abcdef', 'changzhi-2026')).toBe('changzhi-2026');
    expect(reportId('0123456789abcdef')).toBe('r-0123456789abcdef');
  });
});

describe('reportTitle', () => {
  const base = { textTitle: UNTITLED, openingLines: [] as string[], fileName: 'report.txt' };
  it.each<[string, Parameters<typeof reportTitle>[0], string]>([
    ['bundled metadata first', { ...base, bundledTitle: '长治市2026年政府工作报告', textTitle: '政府工作报告' }, '长治市2026年政府工作报告'],
    ['then the text’s title line', { ...base, textTitle: '2026年河北省政府工作报告' }, '2026年河北省政府工作报告'],
    ['then the meeting line', { ...base, openingLines: ['——2022年2月20日在长治市第十五届人民代表大会第一次会议上', '市长 杨勤荣'] }, '2022年长治市政府工作报告'],
    ['then the web page title without the site', { ...base, pageTitle: '2026年某省政府工作报告_某省人民政府网站' }, '2026年某省政府工作报告'],
    ['then a meaningful file name', { ...base, fileName: 'C:\\\\下载\\\\长治2023报告.docx' }, '长治2023报告'],
    ['not a generic file name', { ...base, fileName: '新建文本文档 (2).txt' }, UNTITLED],
    ['not “report”', base, UNTITLED],
  ])('%s', (_name, inputs, title) => {
    expect(reportTitle(inputs)).toBe(title);
  });

  it('reads the meeting line in Chinese numerals too', () => {
    expect(titleFromMeetingLine(['2024年1月10日在山西省第十四届人民代表大会第二次会议上'])).toBe('2024年山西省政府工作报告');
    expect(titleFromMeetingLine(['各位代表：'])).toBeNull();
  });
});
