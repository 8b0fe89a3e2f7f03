/**
 * What the panels read from the annotation store (list, byId, resolutions, colours, marks per
 * paragraph, paragraph notes, the list's per-paragraph sections), kept up to date change by
 * change: a click or a note save with 50,000 annotations recomputes only the paragraphs the
 * changed annotations touch, and every paragraph it did not touch keeps the very same arrays,
 * so React selectors and the reading view skip them.
 *
 * `rebuild` and any sequence of `update`s give the same values as computing everything afresh
 * with resolveAll / marksByParagraph / sortByReadingOrder (tested).
 */
import type { ResolvedAnchor } from '../../shared/anchoring';
import { sortByReadingOrder, type Annotation } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import type { MarkRange } from '../reader/paragraph-runs';
import { resolveAll } from './annotation-marks';
import { LayeredMap } from './layered-map';

export interface DerivedAnnotations {
  /** Live (not deleted) annotations, in no particular order. */
  list: readonly Annotation[];
  byId: ReadonlyMap<string, Annotation>;
  resolutions: ReadonlyMap<string, ResolvedAnchor>;
  /** Colour key per live annotation id. */
  colors: ReadonlyMap<string, string>;
  /** Mark ranges per paragraph id (highlights only), in creation order. */
  marks: ReadonlyMap<string, MarkRange[]>;
  /** Paragraph ids that carry a paragraph note. */
  paragraphNotes: ReadonlySet<string>;
  /** Live annotations placed in the report, by the paragraph they start in, in reading order. */
  byParagraph: ReadonlyMap<string, readonly Annotation[]>;
  /** Live annotations that cannot be placed (orphans), oldest first. */
  orphans: readonly Annotation[];
}

type Resolution = { anchor: Annotation['anchor']; r: ResolvedAnchor };

interface Placement {
  /** Paragraph the annotation starts in (null: an orphan). */
  start: string | null;
  /** Paragraphs its marks are drawn in (highlights only). */
  touched: string[];
  /** Paragraph of a paragraph note. */
  note: string | null;
}

const EMPTY: DerivedAnnotations = {
  list: [],
  byId: LayeredMap.of(),
  resolutions: LayeredMap.of(),
  colors: LayeredMap.of(),
  marks: new Map(),
  paragraphNotes: new Set(),
  byParagraph: new Map(),
  orphans: [],
};

const byCreation = (x: Annotation, y: Annotation) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

const sameRanges = (a: readonly MarkRange[] | undefined, b: readonly MarkRange[]) =>
  !!a && a.length === b.length && a.every((m, i) => m.id === b[i].id && m.start === b[i].start && m.end === b[i].end);

const addTo = (m: Map<string, Set<string>>, key: string, id: string) => {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  s.add(id);
};

export class AnnotationIndex {
  private readonly report: Report | null;
  private readonly order: Map<string, number>;
  private resolved = new Map<string, Resolution>();
  private placements = new Map<string, Placement>();
  private touches = new Map<string, Set<string>>();
  private starts = new Map<string, Set<string>>();
  private notes = new Map<string, number>();
  private orphanIds = new Set<string>();
  private current: DerivedAnnotations = EMPTY;

  constructor(report: Report | null) {
    this.report = report;
    this.order = new Map((report?.paragraphs ?? []).map((p, i) => [p.id, i]));
  }

  get derived(): DerivedAnnotations {
    return this.current;
  }

  /** Everything from `all` (every valid row of the report, tombstones included). */
  rebuild(all: ReadonlyMap<string, Annotation>): DerivedAnnotations {
    const live = [...all.values()].filter((a) => !a.deleted);
    if (!this.report) return (this.current = { ...EMPTY, list: live, byId: LayeredMap.of(live.map((a) => [a.id, a])) });
    this.resolved = resolveAll(this.report, live, this.resolved);
    this.placements = new Map();
    this.touches = new Map();
    this.starts = new Map();
    this.notes = new Map();
    this.orphanIds = new Set();
    for (const a of live) this.place(a);
    const byId = LayeredMap.of(live.map((a) => [a.id, a]));
    const resolutions = LayeredMap.of(live.map((a) => [a.id, this.resolved.get(a.id)!.r]));
    const marks = new Map<string, MarkRange[]>();
    for (const pid of this.touches.keys()) marks.set(pid, this.marksOf(pid, byId));
    const byParagraph = new Map<string, readonly Annotation[]>();
    for (const pid of this.starts.keys()) byParagraph.set(pid, this.sectionOf(pid, byId, resolutions));
    this.current = {
      list: live,
      byId,
      resolutions,
      colors: LayeredMap.of(live.map((a) => [a.id, a.color as string])),
      marks,
      paragraphNotes: new Set(this.notes.keys()),
      byParagraph,
      orphans: this.orphansOf(byId),
    };
    return this.current;
  }

  /** The values after the records of `ids` changed in `all` (set, replaced, deleted or removed). */
  update(all: ReadonlyMap<string, Annotation>, ids: Iterable<string>): DerivedAnnotations {
    const prev = this.current;
    const changed = new Set<string>();
    for (const id of ids) {
      const before = prev.byId.get(id);
      const after = all.get(id);
      if (before !== (after && !after.deleted ? after : undefined)) changed.add(id);
    }
    if (changed.size === 0) return prev;
    if (!this.report) return this.rebuild(all);
    const touchedParas = new Set<string>();
    const startParas = new Set<string>();
    let orphansChanged = false;
    let notesChanged = false;
    const sets: Array<[string, Annotation]> = [];
    const gone: string[] = [];
    for (const id of changed) {
      const old = this.placements.get(id);
      if (old) {
        old.touched.forEach((p) => touchedParas.add(p));
        if (old.start !== null) startParas.add(old.start);
        else orphansChanged = true;
        if (old.note !== null) notesChanged = true;
        this.unplace(id, old);
      }
      const a = all.get(id);
      if (a && !a.deleted) {
        sets.push([id, a]);
        const p = this.place(a);
        p.touched.forEach((q) => touchedParas.add(q));
        if (p.start !== null) startParas.add(p.start);
        else orphansChanged = true;
        if (p.note !== null) notesChanged = true;
      } else {
        gone.push(id);
        this.resolved.delete(id);
      }
    }
    const byId = (prev.byId as LayeredMap<string, Annotation>).with(sets, gone);
    const resolutions = (prev.resolutions as LayeredMap<string, ResolvedAnchor>).with(
      sets.map(([id]) => [id, this.resolved.get(id)!.r] as const),
      gone,
    );
    const colors = (prev.colors as LayeredMap<string, string>).with(
      sets.map(([id, a]) => [id, a.color as string] as const),
      gone,
    );
    let marks = prev.marks;
    for (const pid of touchedParas) {
      const next = this.touches.has(pid) ? this.marksOf(pid, byId) : [];
      const was = marks.get(pid);
      if (next.length === 0 ? was === undefined : sameRanges(was, next)) continue;
      if (marks === prev.marks) marks = new Map(prev.marks);
      if (next.length === 0) (marks as Map<string, MarkRange[]>).delete(pid);
      else (marks as Map<string, MarkRange[]>).set(pid, next);
    }
    const byParagraph = startParas.size > 0 ? new Map(prev.byParagraph) : prev.byParagraph;
    for (const pid of startParas) {
      if (this.starts.has(pid)) (byParagraph as Map<string, readonly Annotation[]>).set(pid, this.sectionOf(pid, byId, resolutions));
      else (byParagraph as Map<string, readonly Annotation[]>).delete(pid);
    }
    const list = prev.list.filter((a) => !changed.has(a.id));
    for (const [, a] of sets) list.push(a);
    this.current = {
      list,
      byId,
      resolutions,
      colors,
      marks,
      paragraphNotes: notesChanged ? new Set(this.notes.keys()) : prev.paragraphNotes,
      byParagraph,
      orphans: orphansChanged ? this.orphansOf(byId) : prev.orphans,
    };
    return this.current;
  }

  private resolve(a: Annotation): ResolvedAnchor {
    const prev = this.resolved.get(a.id);
    if (prev && prev.anchor === a.anchor) return prev.r;
    const next = resolveAll(this.report!, [a]).get(a.id)!;
    this.resolved.set(a.id, next);
    return next.r;
  }

  /** Files a live annotation under the paragraphs it starts in and is drawn in. */
  private place(a: Annotation): Placement {
    const r = this.resolve(a);
    const p: Placement = { start: null, touched: [], note: null };
    if (r.status !== 'orphan') {
      const from = this.order.get(r.segmentId);
      const to = this.order.get(r.endSegmentId);
      if (a.target === 'paragraph') p.note = r.segmentId;
      if (from !== undefined && to !== undefined) {
        p.start = r.segmentId;
        if (a.target === 'range') {
          const ps = this.report!.paragraphs;
          const touched: string[] = [];
          for (let i = from; i <= to; i++) {
            const start = i === from ? r.start : 0;
            const end = i === to ? r.end : ps[i].text.length;
            if (end > start) touched.push(ps[i].id);
          }
          p.touched = touched;
        }
      }
    }
    this.placements.set(a.id, p);
    for (const pid of p.touched) addTo(this.touches, pid, a.id);
    if (p.start !== null) addTo(this.starts, p.start, a.id);
    else this.orphanIds.add(a.id);
    if (p.note !== null) this.notes.set(p.note, (this.notes.get(p.note) ?? 0) + 1);
    return p;
  }

  private unplace(id: string, p: Placement): void {
    this.placements.delete(id);
    for (const pid of p.touched) {
      const s = this.touches.get(pid)!;
      s.delete(id);
      if (s.size === 0) this.touches.delete(pid);
    }
    if (p.start !== null) {
      const s = this.starts.get(p.start)!;
      s.delete(id);
      if (s.size === 0) this.starts.delete(p.start);
    } else this.orphanIds.delete(id);
    if (p.note !== null) {
      const n = (this.notes.get(p.note) ?? 1) - 1;
      if (n === 0) this.notes.delete(p.note);
      else this.notes.set(p.note, n);
    }
  }

  /** Mark ranges of paragraph `pid`, in creation order (later annotations drawn on top). */
  private marksOf(pid: string, byId: ReadonlyMap<string, Annotation>): MarkRange[] {
    const i = this.order.get(pid)!;
    const p = this.report!.paragraphs[i];
    const members = [...(this.touches.get(pid) ?? [])].map((id) => byId.get(id)!).sort(byCreation);
    return members.map((a) => {
      const r = this.resolved.get(a.id)!.r as Exclude<ResolvedAnchor, { status: 'orphan' }>;
      const from = this.order.get(r.segmentId)!;
      const to = this.order.get(r.endSegmentId)!;
      return { id: a.id, start: i === from ? r.start : 0, end: i === to ? r.end : p.text.length };
    });
  }

  private sectionOf(pid: string, byId: ReadonlyMap<string, Annotation>, resolutions: ReadonlyMap<string, ResolvedAnchor>): readonly Annotation[] {
    const members = [...(this.starts.get(pid) ?? [])].map((id) => byId.get(id)!);
    return sortByReadingOrder(this.report!, members, resolutions);
  }

  private orphansOf(byId: ReadonlyMap<string, Annotation>): readonly Annotation[] {
    return [...this.orphanIds].map((id) => byId.get(id)!).sort(byCreation);
  }
}
