/** Above the reading column: why annotations could not be saved or read, when that happens. */
import { useAnnotationState, useAnnotationStore } from './use-annotation-store';

export function AnnotationErrors() {
  const store = useAnnotationStore();
  const error = useAnnotationState((s) => s.error);
  const broken = useAnnotationState((s) => s.broken);
  const unsaved = useAnnotationState((s) => s.unsaved);
  if (!error && broken.length === 0 && !unsaved) return null;
  return (
    <div className="error-banner" role="alert">
      {error}
      {broken.length > 0 && (
        <span>
          {error ? ' ' : ''}有 {broken.length} 条已存批注的数据已损坏，暂不显示（见批注列表下方“待修复”；其余批注不受影响）。
        </span>
      )}
      {unsaved && (
        <span className="unsaved-action">
          {error || broken.length > 0 ? ' ' : ''}“{unsaved}”没有保存。腾出空间后可以
          <button type="button" className="primary" onClick={() => void store.retryUnsaved()}>
            重试
          </button>
          <button type="button" onClick={() => store.dismissUnsaved()}>
            不保存
          </button>
        </span>
      )}
    </div>
  );
}
