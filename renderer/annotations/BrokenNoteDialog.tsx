/**
 * The 批注 dialog of an annotation whose note cannot be shown in the editor (a member's file with
 * a note this version does not understand): its plain text and quote stay readable, it can be
 * deleted, and nothing is written unless the user asks.
 */
import type { Annotation } from '../../shared/annotations';

interface Props {
  annotation: Annotation;
  label: string | null;
  quote: string;
  onDelete(): void;
  onClose(): void;
}

export function BrokenNoteDialog({ annotation, label, quote, onDelete, onClose }: Props) {
  return (
    <div
      className="annotation-popover broken"
      role="dialog"
      aria-label="批注"
      style={{ top: 80, right: 24 }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="popover-head">
        <span className="popover-label">{label ?? '原文未找到'}</span>
        <button type="button" className="icon" aria-label="关闭" title="关闭（Esc）" onClick={onClose}>
          ×
        </button>
      </div>
      <p role="alert">此批注无法显示（内容格式无法识别），以下是它的文字：</p>
      <blockquote className="popover-quote">{quote}</blockquote>
      <p className="broken-note">{annotation.note.text || '（没有文字）'}</p>
      <div className="popover-actions">
        <button type="button" className="danger" onClick={onDelete}>
          删除
        </button>
      </div>
      <p className="popover-meta">{annotation.author || '未署名'}</p>
    </div>
  );
}
