/**
 * What the shell remembers between starts. Backed by Dexie (renderer/db); this module is the
 * one place the app shell touches persistence for its own settings.
 */
import { DEFAULT_LEGEND, type LegendEntry } from '../../shared/annotations/model';

export interface ReadingPosition {
  reportId: string;
  paragraphId: string;
  /** How far (0..1) the top of the column is into that paragraph. */
  offsetRatio: number;
}

export type Theme = 'light' | 'dark';

export interface ShellPrefs {
  fontSize: number;
  theme: Theme;
  /** Per report id: paragraph ids of collapsed outline entries. */
  outlineCollapsed: Record<string, string[]>;
  outlineHidden: boolean;
  annotationsHidden: boolean;
  /** Name written on new annotations (study groups merge by author). */
  author: string;
  /** Colour meanings (editable in 设置). */
  legend: LegendEntry[];
}

export const DEFAULT_PREFS: ShellPrefs = {
  fontSize: 18,
  theme: 'light',
  outlineCollapsed: {},
  outlineHidden: false,
  annotationsHidden: false,
  author: '',
  legend: DEFAULT_LEGEND.map((e) => ({ ...e })),
};

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32] as const;

/** Next font size step up (+1) or down (-1) from `current`, clamped to FONT_SIZES. */
export function stepFontSize(current: number, dir: 1 | -1): number {
  const i = FONT_SIZES.findIndex((s) => s >= current);
  const at = i === -1 ? FONT_SIZES.length - 1 : i;
  const exact = FONT_SIZES[at] === current;
  const next = dir === 1 ? (exact ? at + 1 : at) : at - 1;
  return FONT_SIZES[Math.max(0, Math.min(FONT_SIZES.length - 1, next))];
}
