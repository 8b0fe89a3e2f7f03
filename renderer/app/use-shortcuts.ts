/** Global keyboard shortcuts of the shell (the Electron menu sends the same commands). */
import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { ownsUndo } from './text-entry';

/** The command for a key event, or null. Pure, so it is unit-tested. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'f') return 'find';
  if (key === 'p') return 'print-excerpts';
  // Ctrl+O opens the 书架 (add a file from there); Ctrl+Shift+O goes straight to the file dialog.
  if (key === 'o') return e.shiftKey ? 'open-report' : 'open-shelf';
  if (key === '=' || key === '+') return 'font-bigger';
  if (key === '-' || key === '_') return 'font-smaller';
  if (key === '0') return 'font-reset';
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return null;
}

export function useShortcuts(run: (cmd: MenuCommand) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = commandForKey(e);
      if (!cmd) return;
      // Undo inside a note editor or an input belongs to that field.
      if ((cmd === 'undo' || cmd === 'redo') && ownsUndo(e.target)) return;
      e.preventDefault();
      run(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
