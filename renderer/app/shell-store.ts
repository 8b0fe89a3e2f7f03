/** Persistence the shell needs: preferences and reading positions. */
import type { ReadingPosition, ShellPrefs } from './prefs';

export interface ShellStore {
  loadPrefs(): Promise<Partial<ShellPrefs>>;
  savePrefs(prefs: ShellPrefs): Promise<void>;
  loadPosition(reportId: string): Promise<ReadingPosition | null>;
  savePosition(pos: ReadingPosition): Promise<void>;
}
