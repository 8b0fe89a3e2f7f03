/** 设置: the user's name (written on new annotations) and the meaning of each highlight colour. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_LEGEND, type LegendEntry } from '../../shared/annotations/model';
import { useFocusTrap } from './use-focus-trap';

interface Props {
  /** 备份与恢复 (shown when given). */
  backups?: ReactNode;
  author: string;
  legend: readonly LegendEntry[];
  onSave(author: string, legend: LegendEntry[]): void;
  onClose(): void;
}

const UNDERLINE_NAME = { solid: '实线', double: '双线', dashed: '虚线', wavy: '波浪线', dotted: '点线' } as const;

export function SettingsDialog({ backups, author, legend, onSave, onClose }: Props) {
  const [name, setName] = useState(author);
  const [entries, setEntries] = useState(() => legend.map((e) => ({ ...e })));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  useFocusTrap(ref);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    returnFocus.current = document.activeElement;
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    };
  }, []);

  const submit = () => {
    const cleaned = entries.map((e) => ({ ...e, meaning: e.meaning.trim() }));
    if (cleaned.some((e) => e.meaning === '' || e.meaning.length > 12)) {
      setError('每种颜色的含义须为 1–12 个字。');
      return;
    }
    if (new Set(cleaned.map((e) => e.meaning)).size !== cleaned.length) {
      setError('各颜色的含义不能重复。');
      return;
    }
    onSave(name.trim(), cleaned);
    onClose();
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={ref}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="设置"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>设置</h2>
        <label className="field">
          署名（写入新批注，小组合并时区分作者）
          <input type="text" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>高亮颜色的含义</legend>
          {entries.map((e, i) => (
            <label key={e.color} className="legend-row">
              <span className={`swatch swatch-${e.color}`} aria-hidden />
              <span className="legend-name">
                {e.name}（{UNDERLINE_NAME[e.underline]}，快捷键 {i + 1}）
              </span>
              <input
                type="text"
                aria-label={`${e.name}色的含义`}
                value={e.meaning}
                maxLength={12}
                onChange={(ev) => setEntries((list) => list.map((x) => (x.color === e.color ? { ...x, meaning: ev.target.value } : x)))}
              />
            </label>
          ))}
          <button type="button" onClick={() => setEntries(DEFAULT_LEGEND.map((x) => ({ ...x })))}>
            恢复默认含义
          </button>
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {backups}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="submit" className="primary">
            保存
          </button>
        </div>
      </form>
    </div>
  );
}
