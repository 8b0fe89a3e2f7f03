/** 打印摘录 with the annotations, their places and the list's filter from the annotation store. */
import type { LegendEntry } from '../../shared/annotations';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { useAnnotationState } from '../annotations/use-annotation-store';
import { ExcerptBuilder } from './ExcerptBuilder';

interface Props {
  report: Report;
  reportTitle: string;
  legend: readonly LegendEntry[];
  userName: string;
  host: ReaderHost;
  toast(text: string): void;
  onClose(): void;
}

export function ExcerptPanel(props: Props) {
  const list = useAnnotationState((s) => s.list);
  const resolutions = useAnnotationState((s) => s.resolutions);
  const filter = useAnnotationState((s) => s.filter);
  return <ExcerptBuilder {...props} annotations={list} resolutions={resolutions} listFilter={filter} />;
}
