/**
 * 两年对照: last year's targets beside this year's review of results. Receives last year's report
 * as a prop (the 书架 supplies it); without one, the user opens the file here.
 */
import { useMemo, useState } from 'react';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { compareYears, extractTargets, YEAR_STATUS_LABEL, type TargetRow } from '../../shared/targets';
import { toDisplayText } from '../../shared/report/display';

interface Props {
  report: Report;
  lastYear: Report | null;
  host: ReaderHost;
  /** Opens a row of this report in the reader. */
  open(row: TargetRow): void;
  /** Opens a row of last year's report (from the 书架) at its sentence; absent for a picked file. */
  openLastYear?(row: TargetRow): void;
  toast(text: string): void;
}

export function YearCompare({ report, lastYear, host, open, openLastYear, toast }: Props) {
  const [picked, setPicked] = useState<Report | null>(null);
  const other = lastYear ?? picked;
  const rows = useMemo(() => (other ? compareYears(extractTargets(other), extractTargets(report)) : []), [other, report]);
  const pick = async () => {
    const res = await host.openReportFile();
    if (!res.ok) toast(res.error);
    else if (res.value) setPicked(res.value);
  };
  return (
    <div className="years">
      <div className="targets-controls">
        <span>上年报告：{other ? `《${other.title}》` : '未选择'}</span>
        {!lastYear && <button type="button" onClick={() => void pick()}>{picked ? '换一份…' : '选择上年报告…'}</button>}
      </div>
      {!other ? (
        <p className="targets-empty">选择去年的政府工作报告，把它的主要预期目标与本报告第一部分回顾的完成情况逐项对照。</p>
      ) : rows.length === 0 ? (
        <p className="targets-empty">在《{other.title}》里没有找到“主要预期目标”一段。</p>
      ) : (
        <div className="targets-scroll">
          <table className="targets-table">
            <thead>
              <tr><th>指标</th><th>上年目标</th><th>完成情况（本报告）</th><th>对照</th></tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={`${c.target.sentenceId}:${c.target.valueStart}`} data-status={c.status}>
                  <td>{c.indicator}</td>
                  <td>
                    {lastYear && openLastYear ? (
                      <button type="button" className="targets-jump" onClick={() => openLastYear(c.target)} title="打开上年报告中的这句">
                        <span className="targets-value">{c.target.value}</span>
                        <div className="targets-quote">{toDisplayText(c.target.text)}（上年报告 {c.target.label}）</div>
                      </button>
                    ) : (
                      <>
                        <span className="targets-value">{c.target.value}</span>
                        <div className="targets-quote">{toDisplayText(c.target.text)}（上年报告 {c.target.label}）</div>
                      </>
                    )}
                  </td>
                  <td>
                    {c.result ? (
                      <button type="button" className="targets-jump" onClick={() => open(c.result!)} title="在正文中打开这句">
                        <span className="targets-value">{c.result.value}</span>
                        <div className="targets-quote">{toDisplayText(c.result.text)}（{c.result.label}）</div>
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={`years-status status-${c.status}`}>{YEAR_STATUS_LABEL[c.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
