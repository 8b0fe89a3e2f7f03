/** Text copied by 复制引文: the passage in display form with its citation label. */
import type { ResolvedAnchor } from '../../shared/anchoring';
import type { Annotation } from '../../shared/annotations';
import type { Report } from '../../shared/report/model';
import { toDisplayText } from '../../shared/report/display';

/** `“passage”（长治市2026年政府工作报告 三(二)¶2）`; the stored quote when the anchor is an orphan. */
export function citationText(report: Report, reportTitle: string, a: Annotation, r: ResolvedAnchor | undefined): string {
  const label = r && r.status !== 'orphan' ? report.paragraphs.find((p) => p.id === r.segmentId)?.label : null;
  const quote = r && r.status !== 'orphan' ? r.quote : a.anchor.quote;
  const where = label ? `${reportTitle} ${label}` : `${reportTitle}，原文未找到`;
  return `“${toDisplayText(quote).replace(/\n/g, '')}”（${where}）`;
}

/** Citation label of where the annotation starts, or null for an orphan. */
export function labelOf(report: Report, r: ResolvedAnchor | undefined): string | null {
  if (!r || r.status === 'orphan') return null;
  return report.paragraphs.find((p) => p.id === r.segmentId)?.label ?? null;
}
