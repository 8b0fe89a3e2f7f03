/**
 * The 批注 dialog of one annotation: colour, rich-text note (saved while typing), tags with
 * autocomplete, copy with citation, delete. Esc closes it and gives focus back.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { splitTagInput, suggestTags, type Annotation, type ColorKey, type LegendEntry, type TagCount } from '../../shared/annotations';
import { NoteEditor, type NoteValue } from '../notes/NoteEditor';

interface Props {
  annotation: Annotation;
  legend: readonly LegendEntry[];
  label: string | null;
  quote: string;
  tagsInUse: readonly TagCount[];
  /** Where to place the dialog (viewport coordinates of the highlight). */
  anchorRect: { top: number; left: number; right: number; bottom: number } | null;
  focusNote?: boolean;
  /** Changes when the note was changed outside the editor (undo/redo): the editor is rebuilt from the record. */
  noteEpoch?: number;
  onColor(color: ColorKey): void;
  onNote(value: NoteValue): void;
  onNoteBlur(): void;
  onTags(tags: string[]): void;
  onCopy(): void;
  onDelete(): void;
  onClose(): void;
}

/** Below this the dialog is unusable; a highlight taller than the window is then partly covered. */
const MIN_POPOVER_HEIGHT = 180;

export function AnnotationPopover(props: Props) {
  const { annotation: a, legend, label, quote, tagsInUse, anchorRect, focusNote } = props;
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [tagInput, setTagInput] = useState('');
  const [pos, setPos] = useState<{ top: number; left: number }>({ top: 80, left: 80 });
  const listId = useId();

  useEffect(() => {
    returnFocus.current = document.activeElement;
    if (!focusNote) ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      const el = returnFocus.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    };
  }, [focusNote]);

  useLayoutEffect(() => {
    // Beside the highlight, never over it: right of the column when there is room, else below
    // or above it, whichever has more room, shrinking (and scrolling inside) to fit.
    const el = ref.current;
    if (!anchorRect || !el) return;
    el.style.maxHeight = '';
    const w = el.offsetWidth || 360;
    const h = el.offsetHeight || 300;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const right = anchorRect.right + 16;
    if (right + w <= vw - 8) {
      setPos({ top: Math.max(8, Math.min(anchorRect.top, vh - h - 8)), left: right });
      return;
    }
    const left = Math.max(8, Math.min(anchorRect.left, vw - w - 8));
    // The highlight may be scrolled out of view: measure the room inside the window only.
    const markTop = Math.min(Math.max(anchorRect.top, 0), vh);
    const markBottom = Math.min(Math.max(anchorRect.bottom, 0), vh);
    const below = vh - markBottom - 18;
    const above = markTop - 18;
    const onScreen = (top: number, height: number) => Math.max(8, Math.min(top, vh - height - 8));
    if (h <= below) return setPos({ top: onScreen(markBottom + 10, h), left });
    if (h <= above) return setPos({ top: onScreen(markTop - h - 10, h), left });
    const room = Math.max(below, above, MIN_POPOVER_HEIGHT);
    el.style.maxHeight = `${room}px`;
    setPos({ top: onScreen(below >= above ? markBottom + 10 : markTop - room - 10, room), left });
  }, [anchorRect]);

  const addTags = (raw: string) => {
    const add = splitTagInput(raw);
    if (add.length === 0) return;
    props.onTags([...a.tags, ...add]);
    setTagInput('');
  };

  const suggestions = suggestTags(tagsInUse, tagInput).filter((t) => !a.tags.includes(t));

  return (
    <div
      ref={ref}
      className="annotation-popover"
      role="dialog"
      aria-label="批注"
      aria-modal="false"
      style={{ top: pos.top, left: pos.left }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div className="popover-head">
        <span className="popover-label">{label ?? '原文未找到'}</span>
        <button type="button" className="icon" aria-label="关闭" title="关闭（Esc）" onClick={props.onClose}>
          ×
        </button>
      </div>
      <blockquote className="popover-quote">{quote}</blockquote>
      <div className="popover-colors" role="radiogroup" aria-label="颜色">
        {legend.map((l) => (
          <button
            key={l.color}
            type="button"
            role="radio"
            aria-checked={a.color === l.color}
            data-autofocus={a.color === l.color ? '' : undefined}
            className={`swatch-button swatch-${l.color}`}
            title={`${l.name}：${l.meaning}`}
            onClick={() => props.onColor(l.color)}
          >
            <span className={`swatch swatch-${l.color}`} aria-hidden />
            {l.meaning}
          </button>
        ))}
      </div>
      <NoteEditor key={`${a.id}:${props.noteEpoch ?? 0}`} initialJson={a.note.json} initialText={a.note.text} onChange={props.onNote} onBlur={props.onNoteBlur} autoFocus={focusNote} />
      <div className="popover-tags">
        <ul className="tag-list" aria-label="标签">
          {a.tags.map((t) => (
            <li key={t} className="tag">
              {t}
              <button type="button" className="icon" aria-label={`移除标签 ${t}`} onClick={() => props.onTags(a.tags.filter((x) => x !== t))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          type="text"
          aria-label="添加标签"
          placeholder="添加标签，回车确认"
          list={listId}
          value={tagInput}
          onChange={(e) => setTagInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
              e.preventDefault();
              addTags(tagInput);
            }
          }}
          onBlur={() => addTags(tagInput)}
        />
        <datalist id={listId}>
          {suggestions.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="popover-actions">
        <button type="button" onClick={props.onCopy}>
          复制引文
        </button>
        <button type="button" className="danger" onClick={props.onDelete}>
          删除
        </button>
      </div>
      <p className="popover-meta">
        {a.author || '未署名'} · {new Date(a.updatedAt).toLocaleString('zh-CN')}
      </p>
    </div>
  );
}
