/** Persistence the shell needs: settings (one model, written key by key) and reading positions. */
import type { ReadingPosition } from './prefs';
import type { PanelChoice, SettingKey, Settings, WidthClass } from '../db/settings-repository';

export interface ShellStore {
  /** Calls `next` with all settings now and after every change from any window; returns an unsubscribe. */
  observeSettings(next: (settings: Settings) => void): () => void;
  /** Writes one setting (others stay as stored). */
  setSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
  /** Changes which side panels are open for one width class (read-modify-write). */
  changeLayout(widthClass: WidthClass, patch: Partial<PanelChoice>): Promise<void>;
  loadPosition(reportId: string): Promise<ReadingPosition | null>;
  savePosition(pos: ReadingPosition): Promise<void>;
}
