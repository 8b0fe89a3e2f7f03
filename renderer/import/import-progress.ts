/**
 * The running import, for the progress bar: which phase, how far, and its cancel. One import at
 * a time; a small external store so the bar re-renders alone, not the whole app.
 */
import { useSyncExternalStore } from 'react';
import type { ImportPhase } from '../annotations/exchange';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  /** Null once the write is committed (then Ctrl+Z undoes the import). */
  cancel: (() => void) | null;
}

let current: ImportProgress | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const importProgress = {
  get: () => current,
  set(p: ImportProgress | null) {
    current = p;
    emit();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
};

export const useImportProgress = () => useSyncExternalStore(importProgress.subscribe, importProgress.get);
