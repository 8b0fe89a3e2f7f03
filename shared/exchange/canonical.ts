/**
 * One canonical shape per annotation record: fixed key order, only the model's fields, no
 * shared references. Files written from it are byte-stable, and comparing two records' JSON is
 * a total, order-independent tie-break for merges.
 */
import type { Annotation } from '../annotations/model';

/**
 * A copy of `a` with the model's keys in declaration order and nothing else (unknown keys,
 * e.g. ones a newer app version or a hand-edited file added, are dropped).
 */
export function canonicalAnnotation(a: Annotation): Annotation {
  return {
    id: a.id,
    reportId: a.reportId,
    target: a.target,
    anchor: {
      segmentId: a.anchor.segmentId,
      start: a.anchor.start,
      endSegmentId: a.anchor.endSegmentId,
      end: a.anchor.end,
      quote: a.anchor.quote,
      prefix: a.anchor.prefix,
      suffix: a.anchor.suffix,
      fingerprint: a.anchor.fingerprint,
    },
    color: a.color,
    tags: [...a.tags],
    note: { json: a.note.json, text: a.note.text },
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    deleted: a.deleted,
  };
}

/** Compact JSON of the canonical record: equal strings ⇔ equal records. */
export function canonicalJson(a: Annotation): string {
  return JSON.stringify(canonicalAnnotation(a));
}

/** Order of records in a file: creation time, then id (code-unit order, locale-independent). */
export function compareByCreation(a: Annotation, b: Annotation): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
