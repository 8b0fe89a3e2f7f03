import { describe, expect, it } from 'vitest';
import { queryWords } from '../../../shared/search/words';
import { bundledReport } from './fixture';

const text = bundledReport().paragraphs.map((p) => p.text).join('\n');
const occurs = (s: string) => text.includes(s);

describe('queryWords', () => {
  it.each([
    ['煤炭转型', ['煤炭', '转型']],
    ['煤炭 转型', ['煤炭', '转型']],
    ['新能源装机', ['新能源', '装机']],
    ['营商环境 优化', ['营商环境', '优化']],
    ['营商坏境', ['营商坏境']],
    ['数字经济', ['数字', '经济']],
    ['发展', ['发展']],
    ['! ^ =', []],
  ])('%s → %j', (q, expected) => {
    expect(queryWords(q, occurs)).toEqual(expected);
  });

  it('drops a lone character that occurs with neither neighbour', () => {
    expect(queryWords('煤炭和转型', occurs)).toEqual(['煤炭', '转型']);
  });
});
