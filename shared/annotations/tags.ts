/**
 * Tags are free text typed by the user. Normalising them makes `#重点`, `重点 `, `ＡＩ` and `ai`
 * one tag, so filters and autocomplete do not split what the user meant as the same.
 */
import type { Annotation } from './model';
import { MAX_TAG_LENGTH, MAX_TAGS } from './schema';

/**
 * Canonical form of a tag: NFKC (full-width letters/digits → half-width), whitespace collapsed
 * and trimmed, leading `#`/`＃` dropped, cut to MAX_TAG_LENGTH code points. Returns null when
 * nothing is left.
 */
export function normaliseTag(raw: string): string | null {
  const t = raw
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^#+\s*/u, '')
    .trim();
  if (t.length === 0) return null;
  const cps = Array.from(t);
  return cps.length > MAX_TAG_LENGTH ? cps.slice(0, MAX_TAG_LENGTH).join('').trimEnd() : t;
}

const keyCache = new Map<string, string>();

/** Key under which tags compare equal (case-insensitive). */
export function tagKey(tag: string): string {
  // Memoised: the list recounts the tags of thousands of annotations, which share a few tags,
  // and NFKC plus locale-aware lower-casing is the expensive part.
  let key = keyCache.get(tag);
  if (key === undefined) {
    key = (normaliseTag(tag) ?? '').toLocaleLowerCase('zh-CN');
    if (keyCache.size >= 10_000) keyCache.clear();
    keyCache.set(tag, key);
  }
  return key;
}

/**
 * Normalises a tag list, drops empties and case-insensitive duplicates (the first spelling
 * wins), keeps the user's order, and keeps at most MAX_TAGS.
 */
export function normaliseTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const t = normaliseTag(r);
    if (t === null) continue;
    const key = t.toLocaleLowerCase('zh-CN');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

/** Splits what the user typed into a tag field (`,` `，` `、` `;` `；` or line breaks separate tags). */
export function splitTagInput(input: string): string[] {
  return normaliseTags(input.split(/[,，、;；\n]/u));
}

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * Tags in use (live annotations only), most used first, then by Chinese collation; for
 * autocomplete and the tag filter. The most frequent spelling of a tag is shown.
 */
export function collectTags(annotations: readonly Annotation[]): TagCount[] {
  return rankTags(tagSpellings(annotations));
}

/** Spellings of the live annotations' tags with their counts, by normalised tag (collectTags' input). */
export function tagSpellings(annotations: readonly Annotation[]): Map<string, Map<string, number>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const a of annotations) {
    if (a.deleted) continue;
    for (const t of a.tags) {
      const key = tagKey(t);
      if (!key) continue;
      const spellings = byKey.get(key) ?? new Map<string, number>();
      spellings.set(t, (spellings.get(t) ?? 0) + 1);
      byKey.set(key, spellings);
    }
  }
  return byKey;
}

/**
 * Tags in use from their spellings (several tagSpellings may be added up first): each shown in
 * its most used spelling, most used first.
 */
export function rankTags(byKey: ReadonlyMap<string, ReadonlyMap<string, number>>): TagCount[] {
  const collator = new Intl.Collator('zh-CN');
  return [...byKey.values()]
    .map((spellings) => {
      let count = 0;
      for (const n of spellings.values()) count += n;
      return { tag: [...spellings.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0][0], count };
    })
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}

/** Completions for a partly typed tag: tags in use containing it (prefix matches first). */
export function suggestTags(inUse: readonly TagCount[], typed: string, limit = 8): string[] {
  const key = tagKey(typed);
  if (!key) return inUse.slice(0, limit).map((t) => t.tag);
  const hits = inUse.filter((t) => tagKey(t.tag).includes(key));
  hits.sort((a, b) => Number(!tagKey(a.tag).startsWith(key)) - Number(!tagKey(b.tag).startsWith(key)));
  return hits.slice(0, limit).map((t) => t.tag);
}
