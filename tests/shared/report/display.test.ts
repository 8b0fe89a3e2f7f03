import { describe, expect, it } from 'vitest';
import { toDisplayText } from '../../../shared/report/display';
import { segmentReport } from '../../../shared/report/segment';
import { bundledSource, corpusFiles } from './helpers';

describe('toDisplayText', () => {
  it.each([
    ['目标是:地区', '目标是：地区'],
    ['增长84%,进出口', '增长84%，进出口'],
    ['水泥(油)路', '水泥（油）路'],
    ['物流中心(B型),申建', '物流中心（B型），申建'],
    ['(一)在推动', '（一）在推动'],
    ['“十三五”,增长', '“十三五”，增长'],
    ['好不好?好!', '好不好？好！'],
    ['甲;乙', '甲；乙'],
    ['贯通,', '贯通，'],
  ])('%s → %s', (input, output) => {
    expect(toDisplayText(input)).toBe(output);
  });

  it.each([
    ['1,000 and (a, b): ok; yes! no?'],
    ['PM2.5'],
    ['GDP(2025)'],
    ['7×24'],
  ])('leaves punctuation outside Chinese text alone: %s', (input) => {
    expect(toDisplayText(input)).toBe(input);
  });

  it('maps one character to one character over whole reports', () => {
    const texts = [segmentReport(bundledSource()).text, ...corpusFiles().slice(0, 4).map((f) => segmentReport(f.source).text)];
    for (const text of texts) {
      const shown = toDisplayText(text);
      expect(shown.length).toBe(text.length);
      for (let i = 0; i < text.length; i++) {
        if (shown[i] !== text[i]) expect(',():;!?').toContain(text[i]);
      }
    }
  });

  it('converts every ASCII comma between Han characters in the bundled report', () => {
    const shown = toDisplayText(segmentReport(bundledSource()).text);
    expect(shown).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
    expect(shown).toContain('目标是：地区生产总值');
  });
});
