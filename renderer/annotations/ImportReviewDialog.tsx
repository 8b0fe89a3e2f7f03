/**
 * Asked before an import deletes or rewrites annotations that someone other than the file's
 * sender wrote (usually one's own): what would change, and 全部接受 / 仅新增 / 取消.
 */
import { useEffect, useRef } from 'react';
import type { MergeChange } from '../../shared/exchange';
import { toDisplayText } from '../../shared/report/display';
import type { ImportChoice } from './exchange';
import { useFocusTrap } from '../app/use-focus-trap';

interface Props {
  changes: readonly MergeChange[];
  from: string;
  onChoose(choice: ImportChoice): void;
}

const SHOWN = 50;

export function ImportReviewDialog({ changes, from, onChoose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  useEffect(() => {
    const back = document.activeElement;
    ref.current?.querySelector<HTMLButtonElement>('button[data-choice="cancel"]')?.focus();
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);
  const sender = from.trim() || '未署名的组员';
  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className="import-review"
        role="alertdialog"
        aria-modal="true"
        aria-label="确认导入"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChoose('cancel');
        }}
      >
        <h2>导入会改动他人的 {changes.length} 条批注</h2>
        <p>
          {sender}的文件会删除或修改下列并非{sender}所写的批注（通常是您自己的）。请选择如何导入：
        </p>
        <ul className="import-review-list">
          {changes.slice(0, SHOWN).map((c) => (
            <li key={c.after.id}>
              <span className="import-review-what">{c.after.deleted ? '删除' : '修改'}</span>
              <span className="import-review-author">{c.before!.author.trim() || '未署名'}</span>
              <q>{toDisplayText(c.before!.anchor.quote).slice(0, 40)}</q>
              {c.before!.note.text && <span className="import-review-note">批注：{c.before!.note.text.slice(0, 40)}</span>}
            </li>
          ))}
          {changes.length > SHOWN && <li>……另有 {changes.length - SHOWN} 条</li>}
        </ul>
        <div className="import-review-actions">
          <button type="button" data-choice="all" onClick={() => onChoose('all')}>
            全部接受
          </button>
          <button type="button" className="primary" data-choice="new-only" onClick={() => onChoose('new-only')}>
            仅新增
          </button>
          <button type="button" data-choice="cancel" onClick={() => onChoose('cancel')}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
