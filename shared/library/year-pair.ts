/**
 * 两年对照 needs last year's report of the same place: found on the 书架 by year and region,
 * since titles vary (`长治市2025年政府工作报告`, `2025年长治市人民政府工作报告`).
 */
import type { ShelfEntry } from './entry';

/** A region as compared: `长治市` and `长治` are one place. */
export function regionKey(region: string): string {
  return region.replace(/(?:特别行政区|自治区|自治州|地区|省|市|盟|州|县|区|旗)$/, '');
}

/**
 * The shelf's report of the year before `current`'s, for the same region; null when there is
 * none (or the year or region of `current` is unknown). Of several editions the newest one, i.e.
 * the one no other entry names as its previous edition, latest added first.
 */
export function previousYearEntry(entries: readonly ShelfEntry[], current: Pick<ShelfEntry, 'id' | 'year' | 'region'>): ShelfEntry | null {
  const place = regionKey(current.region);
  if (!current.year || !place) return null;
  const superseded = new Set(entries.map((e) => e.previousEdition).filter(Boolean));
  const candidates = entries.filter((e) => e.id !== current.id && !e.removedAt && e.year === current.year - 1 && regionKey(e.region) === place);
  if (candidates.length === 0) return null;
  const live = candidates.filter((e) => !superseded.has(e.id));
  return (live.length ? live : candidates).reduce((a, b) => (b.addedAt > a.addedAt ? b : a));
}
