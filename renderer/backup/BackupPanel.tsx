/**
 * 设置 → 备份与恢复: the backups kept, 立即备份, 导出备份文件 (to keep one outside the app),
 * and 恢复 (from a kept backup or a file) after saying what it will change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeBackup, parseBackup, restoreChangesAnything, restoreSummaryText, type Backup, type BackupName, type RestorePlan } from '../../shared/backup';
import type { ReaderHost } from '../../shared/ipc/contract';
import type { BackupService } from './backup-service';

interface Props {
  service: BackupService;
  host: Pick<ReaderHost, 'saveFile' | 'openFile'>;
  toast(text: string): void;
}

const BACKUP_FILTERS = [{ name: '研读备份', extensions: ['json'] }];

export function BackupPanel({ service, host, toast }: Props) {
  const [list, setList] = useState<BackupName[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ plan: RestorePlan; from: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  // The confirm box's buttons go away with it: keep the focus in the dialog (Esc still closes it).
  const closeConfirm = () => {
    setPending(null);
    first.current?.focus();
  };

  const refresh = useCallback(async () => {
    const r = await service.list();
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [service]);
  useEffect(() => void refresh(), [refresh]);

  const prepare = async (backup: Backup, from: string) => setPending({ plan: await service.plan(backup), from });

  // Buttons stay enabled while busy (a disabled button drops the keyboard focus out of the
  // dialog, and Esc would no longer close it); a second click while busy does nothing.
  const run = (fn: () => Promise<void>) => async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="backup-panel" aria-label="备份与恢复">
      <legend>备份与恢复</legend>
      <p className="hint">每天首次启动、每次导入批注和恢复之前自动备份全部批注和起草的草稿，保留最近 7 天每天一份和之前 4 周每周一份。</p>
      <div className="backup-actions">
        <button
          ref={first}
          type="button"
          aria-disabled={busy}
          onClick={run(async () => {
            const r = await service.backUp('manual');
            toast(r.ok ? '已备份全部批注和草稿' : r.error);
            await refresh();
          })}
        >
          立即备份
        </button>
        <button
          type="button"
          aria-disabled={busy}
          onClick={run(async () => {
            const content = await service.snapshot('manual');
            const d = new Date();
            const saved = await host.saveFile({ suggestedName: `研读备份-${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}.json`, content, filters: BACKUP_FILTERS });
            if (!saved.ok) toast(`保存失败：${saved.error}`);
            else if (saved.value) toast(`已保存备份文件“${saved.value}”`);
          })}
        >
          导出备份文件…
        </button>
        <button
          type="button"
          aria-disabled={busy}
          onClick={run(async () => {
            const opened = await host.openFile({ filters: BACKUP_FILTERS });
            if (!opened.ok) return setError(opened.error);
            if (!opened.value) return;
            let text: string;
            try {
              text = new TextDecoder('utf-8', { fatal: true }).decode(opened.value.bytes);
            } catch {
              return setError('这不是研读的备份文件（不是 UTF-8 文本）。');
            }
            const backup = parseBackup(text);
            if (!backup.ok) return setError(backup.error);
            await prepare(backup.value, opened.value.name);
          })}
        >
          从文件恢复…
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p className="hint">还没有备份。</p>}
      {list && list.length > 0 && (
        <ul className="backup-list" aria-label="已有备份">
          {list.map((b) => (
            <li key={b.name}>
              <span>{describeBackup(b)}</span>
              <button
                type="button"
                aria-disabled={busy}
                onClick={run(async () => {
                  const backup = await service.read(b.name);
                  if (!backup.ok) return setError(backup.error);
                  await prepare(backup.value, describeBackup(b));
                })}
              >
                恢复…
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && (
        <div className="restore-confirm" role="alertdialog" aria-label="确认恢复">
          <p>
            从“{pending.from}”恢复：{restoreSummaryText(pending.plan)}
          </p>
          <div className="backup-actions">
            <button type="button" onClick={closeConfirm}>
              取消
            </button>
            {restoreChangesAnything(pending.plan) && (
              <button
                type="button"
                className="primary"
                aria-disabled={busy}
                onClick={run(async () => {
                  const r = await service.restore(pending.plan);
                  closeConfirm();
                  if (!r.ok) return setError(r.error);
                  toast(`已恢复备份（${r.value} 条记录），Ctrl+Z 可撤销`);
                  await refresh();
                })}
              >
                确认恢复
              </button>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}
