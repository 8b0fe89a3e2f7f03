/**
 * A report opening as the Changzhi 2021–2024 web copies print it (issue 10): dateline, speaker,
 * salutation and site debris before the body, no title line, an opening sentence that is no lead.
 */
import { describe, expect, it } from 'vitest';
import { loadReportFile } from '../../../shared/report/load/load-report';
import { segmentReport } from '../../../shared/report/segment';

const OPENING = [
  '来源：长治日报',
  '时间：2022-02-25 09:12',
  '——2022年2月20日在长治市第十五届人民代表大会第一次会议上',
  '市长 杨勤荣',
  '点击查阅更多政府工作报告',
  '各位代表：',
  '现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。',
  '一、“十三五”时期工作回顾',
  '“十三五”时期是长治发展史上具有重大意义的五年。五年来，我们坚持以习近平新时代中国特色社会主义思想为指导，全面落实各项决策部署，经济社会发展取得显著成就。',
  '回顾五年工作，我们深刻体会到，必须坚持党的全面领导。',
].join('\n');

describe('a web copy’s opening', () => {
  const r = segmentReport(OPENING);

  it('puts dateline, speaker and 各位代表： in the header and drops the site debris', () => {
    expect(r.front).toEqual([
      { kind: 'dateline', text: '——2022年2月20日在长治市第十五届人民代表大会第一次会议上' },
      { kind: 'speaker', text: '市长杨勤荣' },
      { kind: 'address', text: '各位代表：' },
    ]);
    expect(r.repairs.filter((x) => x.kind === 'chrome-removed').map((x) => x.original)).toEqual(['来源：长治日报', '时间：2022-02-25 09:12', '点击查阅更多政府工作报告']);
  });

  it('numbers 现在，我代表… as ¶1', () => {
    expect(r.paragraphs[0]).toMatchObject({ label: '序¶1', text: expect.stringMatching(/^现在，我代表市人民政府/) });
  });

  it('does not take the part’s opening sentence for a lead', () => {
    expect(r.outline.map((o) => o.title)).toEqual(['一、“十三五”时期工作回顾']);
  });

  it('is titled from its meeting line when it has no title line', async () => {
    const loaded = await loadReportFile({ bytes: new TextEncoder().encode(OPENING), fileName: 'report.txt' }, {
      mammoth: () => Promise.reject(new Error('not needed')),
      pdfjs: () => Promise.reject(new Error('not needed')),
      html: () => Promise.reject(new Error('not needed')),
    });
    expect(loaded.ok && loaded.value.title).toBe('2022年长治市政府工作报告');
  });
});
