/** Asked when a file read is another edition of a 书架 report: 作为新版本打开 / 作为单独报告打开 / 取消. */
import { useEffect, useRef } from 'react';
import { useFocusTrap } from '../app/use-focus-trap';
import { SHELF_MSG as M } from './messages';

export type EditionChoice = 'edition' | 'separate' | 'cancel';

export function EditionOffer({ title, onChoose }: { title: string; onChoose(choice: EditionChoice): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button.primary')?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div ref={ref} className="modal edition-offer" role="alertdialog" aria-modal="true" aria-label={M.asEdition} onKeyDown={(e) => e.key === 'Escape' && onChoose('cancel')}>
        <h2>{M.asEdition}？</h2>
        <p>{M.editionAsk(title)}</p>
        <p className="shelf-hint">{M.asEditionHint}</p>
        <div className="modal-actions">
          <button type="button" onClick={() => onChoose('cancel')}>
            {M.cancel}
          </button>
          <button type="button" onClick={() => onChoose('separate')}>
            {M.asSeparate}
          </button>
          <button type="button" className="primary" onClick={() => onChoose('edition')}>
            {M.asEdition}
          </button>
        </div>
      </div>
    </div>
  );
}
