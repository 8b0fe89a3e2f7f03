/** Above the reading column: why annotations could not be saved or read, when that happens. */
import { useAnnotationState } from './use-annotation-store';

export function AnnotationErrors() {
  const error = useAnnotationState((s) => s.error);
  const broken = useAnnotationState((s) => s.broken);
  if (!error && broken.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      {error}
      {broken.length > 0 && (
        <span>
          {error ? ' ' : ''}有 {broken.length} 条已存批注的数据已损坏，暂不显示（见批注列表下方“待修复”；其余批注不受影响）。
        </span>
      )}
    </div>
  );
}
