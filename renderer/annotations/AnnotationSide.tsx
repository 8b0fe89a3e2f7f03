/** The right-hand panel: 署名, 导入/导出批注 and the annotation list. */
import { useCallback } from 'react';
import type { LegendEntry } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { AnnotationList } from './AnnotationList';
import { BrokenRows } from './BrokenRows';
import type { ExchangeCommand } from './use-exchange';
import { useAnnotationState, useAnnotationStore } from './use-annotation-store';

interface Props {
  report: Report;
  author: string;
  onAuthorChange(author: string): void;
  legend: readonly LegendEntry[];
  exchange(cmd: ExchangeCommand): Promise<void>;
  /** Scrolls the reading column to a paragraph and flashes it. */
  jumpTo(paragraphId: string): void;
  toast(text: string): void;
}

export function AnnotationSide({ report, author, onAuthorChange, legend, exchange, jumpTo, toast }: Props) {
  const store = useAnnotationStore();
  const byParagraph = useAnnotationState((s) => s.byParagraph);
  const orphans = useAnnotationState((s) => s.orphans);
  const resolutions = useAnnotationState((s) => s.resolutions);
  const filter = useAnnotationState((s) => s.filter);
  const open = useAnnotationState((s) => s.open);
  const broken = useAnnotationState((s) => s.broken);
  const onOpen = useCallback(
    (a: { id: string }) => {
      const r = store.getState().resolutions.get(a.id);
      if (r && r.status !== 'orphan') jumpTo(r.segmentId);
      store.openAnnotation(a.id);
    },
    [store, jumpTo],
  );
  return (
    <div className="annotation-side">
      <label className="author-field">
        署名
        <input type="text" value={author} placeholder="您的姓名（用于小组合并）" onChange={(e) => onAuthorChange(e.target.value)} maxLength={40} />
      </label>
      <div className="exchange-row" role="group" aria-label="小组交换">
        <button type="button" onClick={() => void exchange('import')} title="合并小组成员导出的批注文件（.json）">
          导入批注…
        </button>
        <button type="button" onClick={() => void exchange('export')} title="把我的批注存为文件，发给小组成员">
          导出批注…
        </button>
      </div>
      <details className="more-formats">
        <summary>其他格式（表格、W3C 标注）</summary>
        <div className="exchange-row">
          <button type="button" onClick={() => void exchange('export-csv')} title="批注列表存为表格，用 Excel 或 WPS 打开">
            导出表格（CSV）…
          </button>
          <button type="button" onClick={() => void exchange('export-w3c')} title="W3C Web Annotation 格式，Hypothesis 等工具可读">
            导出 W3C 标注…
          </button>
          <button type="button" onClick={() => void exchange('import-w3c')} title="导入其他阅读器导出的 W3C Web Annotation（JSON-LD）">
            导入 W3C 标注…
          </button>
        </div>
      </details>
      <AnnotationList
        report={report}
        byParagraph={byParagraph}
        orphans={orphans}
        resolutions={resolutions}
        legend={legend}
        filter={filter}
        onFilterChange={store.setFilter}
        selectedId={open?.id ?? null}
        onOpen={onOpen}
      />
      <BrokenRows rows={broken} onDelete={(row) => void store.removeBroken(row).then(() => toast('已删除这条损坏的记录'))} toast={toast} />
    </div>
  );
}
