/** Persistence the shell needs: preferences, reading position, last report. */
import type { ReadingPosition, ShellPrefs } from './prefs';

export interface ShellStore {
  loadPrefs(): Promise<Partial<ShellPrefs>>;
  savePrefs(prefs: ShellPrefs): Promise<void>;
  loadPosition(reportId: string): Promise<ReadingPosition | null>;
  savePosition(pos: ReadingPosition): Promise<void>;
  lastReportId(): Promise<string | null>;
}
