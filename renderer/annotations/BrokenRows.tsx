/**
 * 待修复: stored records that failed validation (a member's file from an older build, a
 * hand-edited database). They are never drawn as annotations; here each shows why, what text it
 * still holds, and can be copied out (nothing is lost) or deleted.
 */
import type { BrokenRow } from '../../shared/annotations';
import { copyText } from '../app/clipboard';

interface Props {
  rows: readonly BrokenRow[];
  onDelete(row: BrokenRow): void;
  toast(text: string): void;
}

/** A string field of an unvalidated row, if it has one. */
function field(raw: unknown, ...path: string[]): string | null {
  let v: unknown = raw;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function BrokenRows({ rows, onDelete, toast }: Props) {
  if (rows.length === 0) return null;
  return (
    <section className="broken-rows" aria-label="待修复">
      <h3>待修复（{rows.length}）</h3>
      <p className="hint">这些已存批注的数据已损坏，暂不显示在正文中。可复制其内容留存，或删除。</p>
      <ul>
        {rows.map((r, i) => {
          const quote = field(r.raw, 'anchor', 'quote');
          const note = field(r.raw, 'note', 'text');
          return (
            <li key={r.id ?? `row-${i}`}>
              {quote && <q>{quote.slice(0, 40)}</q>}
              {note && <p className="annotation-note">{note.slice(0, 200)}</p>}
              <p className="broken-reason">原因：{r.reason}</p>
              <div className="broken-actions">
                <button
                  type="button"
                  onClick={() => void copyText(JSON.stringify(r.raw, null, 2)).then((ok) => toast(ok ? '已复制这条记录的全部内容' : '复制失败'))}
                >
                  复制内容
                </button>
                {r.id && (
                  <button type="button" className="danger" onClick={() => onDelete(r)}>
                    删除
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
