/**
 * 书架 (Ctrl+O): every report opened, with its year, region, format, date added and annotation
 * count; open, rename, remove (导出批注 offered first), 对照阅读, 修订对照; the 回收站 beside it.
 */
import { Fragment, useEffect, useRef, useState } from 'react';
import { useFocusTrap } from '../app/use-focus-trap';
import { dateText, FORMAT_NAME, SHELF_MSG as M } from './messages';
import type { ShelfItem } from './shelf-repository';

export interface ShelfActions {
  open(id: string): void;
  add(): void;
  rename(id: string, title: string): Promise<boolean>;
  exportNotes(item: ShelfItem): Promise<void>;
  remove(item: ShelfItem): Promise<void>;
  restore(item: ShelfItem): Promise<void>;
  emptyTrash(): Promise<void>;
  compare(id: string): void;
  revision(item: ShelfItem): void;
}

interface Props {
  items: readonly ShelfItem[];
  currentId: string | null;
  actions: ShelfActions;
  onClose(): void;
}

export function ShelfDialog({ items, currentId, actions, onClose }: Props) {
  const [tab, setTab] = useState<'shelf' | 'trash'>('shelf');
  const [renaming, setRenaming] = useState<{ id: string; title: string; error: string | null } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [emptying, setEmptying] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  useEffect(() => {
    const back = document.activeElement;
    ref.current?.querySelector<HTMLButtonElement>('.shelf-title-button')?.focus();
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  const live = items.filter((i) => !i.removedAt);
  const trashed = items.filter((i) => i.removedAt);
  const shown = tab === 'shelf' ? live : trashed;
  const superseded = new Set(items.map((i) => i.previousEdition).filter(Boolean));
  const trashNotes = trashed.reduce((n, i) => n + i.annotationCount, 0);

  const saveRename = async () => {
    if (!renaming) return;
    if (await actions.rename(renaming.id, renaming.title)) setRenaming(null);
    else setRenaming({ ...renaming, error: M.renameEmpty });
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="shelf-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={M.shelf}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !renaming) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="shelf-head">
          <div role="tablist" aria-label={M.shelf} className="shelf-tabs">
            <button type="button" role="tab" aria-selected={tab === 'shelf'} onClick={() => setTab('shelf')}>
              {M.shelf}（{live.length}）
            </button>
            <button type="button" role="tab" aria-selected={tab === 'trash'} onClick={() => setTab('trash')}>
              {M.trash}（{trashed.length}）
            </button>
          </div>
          {tab === 'shelf' ? (
            <button type="button" className="primary" onClick={actions.add}>
              {M.addFile}
            </button>
          ) : (
            trashed.length > 0 && (
              <button type="button" onClick={() => setEmptying(true)}>
                {M.emptyTrash}
              </button>
            )
          )}
        </div>
        {tab === 'shelf' && <p className="shelf-hint">{live.length <= 1 ? M.empty : M.addHint}</p>}
        {tab === 'trash' && emptying && (
          <div className="shelf-confirm" role="alert">
            <p>{M.emptyAsk(trashed.length, trashNotes)}</p>
            <button type="button" className="danger" onClick={() => void actions.emptyTrash().then(() => setEmptying(false))}>
              {M.emptyTrash}
            </button>
            <button type="button" onClick={() => setEmptying(false)}>
              {M.cancel}
            </button>
          </div>
        )}
        {shown.length === 0 ? (
          <p className="shelf-empty">{tab === 'trash' ? M.trashEmpty : M.empty}</p>
        ) : (
          <table className="shelf-table">
            <thead>
              <tr>
                {M.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <Fragment key={item.id}>
                <tr data-report-id={item.id} aria-current={item.id === currentId ? 'true' : undefined}>
                  <td className="shelf-title">
                    {renaming?.id === item.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void saveRename();
                        }}
                      >
                        <input
                          type="text"
                          aria-label={`${M.rename}：${item.title}`}
                          value={renaming.title}
                          maxLength={200}
                          autoFocus
                          onChange={(e) => setRenaming({ ...renaming, title: e.target.value, error: null })}
                          onKeyDown={(e) => {
                            if (e.key === 'Escape') {
                              e.stopPropagation();
                              setRenaming(null);
                            }
                          }}
                        />
                        <button type="submit">保存</button>
                        {renaming.error && (
                          <span className="form-error" role="alert">
                            {renaming.error}
                          </span>
                        )}
                      </form>
                    ) : (
                      <button type="button" className="shelf-title-button" disabled={tab === 'trash'} onClick={() => actions.open(item.id)} title={tab === 'shelf' ? `${M.open}《${item.title}》` : undefined}>
                        {item.title}
                      </button>
                    )}
                    {item.bundled && <span className="shelf-badge">{M.bundled}</span>}
                    {item.id === currentId && <span className="shelf-badge current">{M.current}</span>}
                    {item.previousEdition && <span className="shelf-badge">{M.newEdition}</span>}
                    {superseded.has(item.id) && <span className="shelf-badge old">{M.oldEdition}</span>}
                  </td>
                  <td>{item.year || '—'}</td>
                  <td>{item.region || '—'}</td>
                  <td>{FORMAT_NAME[item.format]}</td>
                  <td>{dateText(item.addedAt)}</td>
                  <td className="shelf-count">{item.annotationCount}</td>
                  <td className="shelf-actions">
                    {tab === 'trash' ? (
                      <button type="button" onClick={() => void actions.restore(item)}>
                        {M.restore}
                      </button>
                    ) : removing === item.id ? null : (
                      <>
                        <button type="button" onClick={() => setRenaming({ id: item.id, title: item.title, error: null })}>
                          {M.rename}
                        </button>
                        {live.length > 1 && (
                          <button type="button" onClick={() => actions.compare(item.id)} title="与正在阅读的报告并排阅读">
                            {M.compare}
                          </button>
                        )}
                        {item.previousEdition && (
                          <button type="button" onClick={() => actions.revision(item)}>
                            {M.revision}
                          </button>
                        )}
                        {!item.bundled && (
                          <button type="button" onClick={() => setRemoving(item.id)}>
                            {M.remove}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
                {removing === item.id && tab === 'shelf' && (
                  <tr className="shelf-confirm-row" data-report-id={item.id}>
                    <td colSpan={7}>
                      <span className="shelf-confirm" role="alert">
                        {M.removeAsk(item.title, item.annotationCount)}
                        {item.annotationCount > 0 && (
                          <button type="button" onClick={() => void actions.exportNotes(item)}>
                            {M.exportFirst}
                          </button>
                        )}
                        <button type="button" className="danger" onClick={() => void actions.remove(item).then(() => setRemoving(null))}>
                          {M.moveToTrash}
                        </button>
                        <button type="button" onClick={() => setRemoving(null)}>
                          {M.cancel}
                        </button>
                      </span>
                    </td>
                  </tr>
                )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {M.close}
          </button>
        </div>
      </div>
    </div>
  );
}
