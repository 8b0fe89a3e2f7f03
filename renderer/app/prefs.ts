/**
 * Shell preferences that are not stored settings themselves: the reading position's shape and
 * the font size steps. The settings model is `Settings` (renderer/db/settings-repository.ts).
 */

export interface ReadingPosition {
  reportId: string;
  paragraphId: string;
  /** How far (0..1) the top of the column is into that paragraph. */
  offsetRatio: number;
}

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32] as const;

/** Next font size step up (+1) or down (-1) from `current`, clamped to FONT_SIZES. */
export function stepFontSize(current: number, dir: 1 | -1): number {
  const i = FONT_SIZES.findIndex((s) => s >= current);
  const at = i === -1 ? FONT_SIZES.length - 1 : i;
  const exact = FONT_SIZES[at] === current;
  const next = dir === 1 ? (exact ? at + 1 : at) : at - 1;
  return FONT_SIZES[Math.max(0, Math.min(FONT_SIZES.length - 1, next))];
}
