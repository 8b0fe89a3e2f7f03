/** 导入批注's progress: phase, a bar, counts, and 取消 while nothing is committed yet. */
import { useImportProgress } from './import-progress';

const PHASES = { prepare: '正在读取并校验文件…', write: '正在写入批注…', show: '正在显示导入的批注…' } as const;
const n = (x: number) => x.toLocaleString('zh-CN');

export function ImportProgressBar() {
  const p = useImportProgress();
  if (!p) return null;
  const known = p.total > 0;
  return (
    <div className="import-progress" role="status" aria-label="导入进度">
      <span className="import-progress-label">
        {PHASES[p.phase]}
        {known && `${n(p.done)} / ${n(p.total)} 条`}
      </span>
      <progress aria-label="导入批注" max={known ? p.total : undefined} value={known ? p.done : undefined} />
      {p.cancel ? (
        <button type="button" onClick={p.cancel}>
          取消
        </button>
      ) : (
        <span className="hint">已写入，可按 Ctrl+Z 撤销</span>
      )}
    </div>
  );
}
