/**
 * 修订对照: the paragraphs that changed between two editions, inserted text marked `<ins>` and
 * deleted text `<del>` (so the difference survives without colour), the annotation counts, and
 * the 孤立批注 with quote and note. Picking a paragraph shows it in the new edition.
 */
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../shared/annotations/model';
import type { EditionCounts } from '../../shared/library/edition';
import type { RevisionEntry } from '../../shared/library/revision';
import { toDisplayText } from '../../shared/report/display';
import { useFocusTrap } from '../app/use-focus-trap';
import { SHELF_MSG as M } from './messages';

interface Props {
  prevTitle: string;
  entries: readonly RevisionEntry[];
  counts: EditionCounts | null;
  orphans: readonly Annotation[];
  onJump(paragraphId: string): void;
  /** Offered right after 作为新版本打开: puts the annotations back on the old edition. */
  onUndo?: () => void;
  onClose(): void;
}

export function RevisionDialog({ prevTitle, entries, counts, orphans, onJump, onUndo, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className="revision-dialog" role="dialog" aria-modal="true" aria-label={M.revision} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{M.revisionTitle(prevTitle)}</h2>
        {counts && <p className="revision-counts">{M.revisionCounts(counts.exact, counts.approximate, counts.orphaned)}</p>}
        {entries.length === 0 && <p>{M.revisionNone}</p>}
        <ol className="revision-list">
          {entries.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              <div className="revision-where">
                <span className="revision-kind">{M.kinds[e.kind]}</span>
                {e.newParagraphId ? (
                  <button type="button" onClick={() => onJump(e.newParagraphId!)} title="在新版本中查看">
                    {e.newLabel}
                  </button>
                ) : (
                  <span>原 {e.oldLabel}</span>
                )}
                {e.kind === 'moved' && <span className="revision-from">（原 {e.oldLabel}）</span>}
              </div>
              <p className="revision-text">
                {e.pieces.map((p, k) => (p.op === '+' ? <ins key={k}>{toDisplayText(p.text)}</ins> : p.op === '-' ? <del key={k}>{toDisplayText(p.text)}</del> : <span key={k}>{toDisplayText(p.text)}</span>))}
              </p>
            </li>
          ))}
        </ol>
        {orphans.length > 0 && (
          <section aria-label={M.orphansTitle}>
            <h3>{M.orphansTitle}</h3>
            <ul className="revision-orphans">
              {orphans.map((a) => (
                <li key={a.id}>
                  <q>{toDisplayText(a.anchor.quote)}</q>
                  {a.note.text && <span>批注：{a.note.text}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="modal-actions">
          {onUndo && (
            <button type="button" onClick={onUndo} title={M.undoMoveHint}>
              {M.undoMove}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {M.close}
          </button>
        </div>
      </div>
    </div>
  );
}
