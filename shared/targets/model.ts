/**
 * The targets table: every quantitative target and commitment of a report, one row per figure
 * (or per qualitative commitment such as 居民收入增长和经济增长同步).
 */

/** Where a row comes from in the report's argument. */
export type TargetCategory = '年度主要预期目标' | '约束性目标' | '具体任务' | '上年完成情况';

export const TARGET_CATEGORIES: readonly TargetCategory[] = ['年度主要预期目标', '约束性目标', '具体任务', '上年完成情况'];

export interface TargetRow {
  paragraphId: string;
  sentenceId: string;
  /** Citation label of the paragraph (`三¶2`), as the reader shows it. */
  label: string;
  /** The clause stating the target (between commas/semicolons), in canonical text. */
  text: string;
  /** 指标: what is measured (`地区生产总值`, `城镇调查失业率`, `城镇就业`). */
  indicator: string;
  /**
   * 数值 with its qualifier and unit as written (`6%左右`, `4.3万人以上`, `4.5%—5%`), or for a
   * qualitative commitment the predicate (`与经济增长同步`, `完成国家下达目标`).
   */
  value: string;
  /** Unit (`%`, `万人`, `微克/立方米`); '' for a qualitative row. */
  unit: string;
  /** 方向: 增长 / 下降 / 达到 / 控制在 / 同步 / 高于 / 新建 / 完成 / 新增 / 提高 … */
  direction: string;
  category: TargetCategory;
  /** Offsets of `text` in the paragraph's canonical text (UTF-16). */
  start: number;
  end: number;
  /** Offsets of the figure (`value` as written, qualitative rows: the predicate) in the paragraph. */
  valueStart: number;
  valueEnd: number;
  /** First number of the value (the lower end of a range), null for a qualitative row. */
  number: number | null;
  /** Part number of the paragraph (0 before the first part), for filtering. */
  part: number;
}
