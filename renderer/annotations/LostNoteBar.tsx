/**
 * Above the reading column when a note typed here lost its annotation to a delete made in another
 * window: the text is still held by the store, and the user decides what becomes of it.
 */
import { useState } from 'react';
import { copyText } from '../app/clipboard';
import { toDisplayText } from '../../shared/report/display';
import { useAnnotationState, useAnnotationStore } from './use-annotation-store';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function LostNoteBar({ author }: { author: string }) {
  const store = useAnnotationStore();
  const lost = useAnnotationState((s) => s.lostNote);
  const [copied, setCopied] = useState(false);
  if (!lost) return null;
  const quote = toDisplayText(lost.source?.anchor.quote ?? '');
  return (
    <div className="error-banner lost-note" role="alert">
      <p>
        这条批注已在另一个窗口中删除，你刚写的内容没有保存到它上面，但没有丢失：
        {quote && <q>{clip(quote, 24)}</q>}
        <span className="lost-note-text">{clip(lost.note.text, 120)}</span>
      </p>
      <div className="lost-note-actions">
        {lost.source && (
          <button type="button" className="primary" onClick={() => void store.restoreLostNote(author)}>
            恢复为新批注
          </button>
        )}
        <button type="button" onClick={() => void copyText(lost.note.text).then(setCopied)}>
          {copied ? '已复制' : '复制内容'}
        </button>
        <button type="button" onClick={() => store.dismissLostNote()}>
          放弃这段内容
        </button>
      </div>
    </div>
  );
}
