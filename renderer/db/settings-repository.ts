/**
 * User settings, one row per key, each value validated by its own schema. A missing or
 * unreadable value (older build, hand-edited database) reads as the default instead of
 * breaking the app.
 */
import { liveQuery, type Observable } from 'dexie';
import { z } from 'zod';
import { DEFAULT_LEGEND, type LegendEntry } from '../../shared/annotations/model';
import { legendSchema } from '../../shared/annotations/schema';
import type { YanduDB } from './schema';
import { issuesText } from '../../shared/result';

export type Theme = 'light' | 'dark' | 'system';

export interface PanelState {
  outlineOpen: boolean;
  annotationsOpen: boolean;
  /** CSS px. */
  outlineWidth: number;
  annotationsWidth: number;
}

/** Window width classes; each remembers which side panels the user keeps open. */
export type WidthClass = 'narrow' | 'medium' | 'wide';

export interface PanelChoice {
  outlineOpen: boolean;
  annotationsOpen: boolean;
}

export interface Settings {
  /** Colour meanings (editable). */
  legend: LegendEntry[];
  /** Written into new annotations; '' until the user sets it. */
  authorName: string;
  /** Body font size in CSS px. */
  fontSize: number;
  theme: Theme;
  /** Per report id: paragraph ids of the outline entries the user collapsed. */
  outlineCollapsed: Record<string, string[]>;
  panels: PanelState;
  /** Side panels open per width class (panels dock beside the text; they never cover it). */
  layout: Record<WidthClass, PanelChoice>;
}

export type SettingKey = keyof Settings;

export const FONT_SIZE_MIN = 12;
export const FONT_SIZE_MAX = 32;
export const PANEL_WIDTH_MIN = 160;
export const PANEL_WIDTH_MAX = 800;

const panelWidth = z.number().int().min(PANEL_WIDTH_MIN).max(PANEL_WIDTH_MAX);

export const settingSchemas: { [K in SettingKey]: z.ZodType<Settings[K]> } = {
  legend: legendSchema,
  authorName: z.string().trim().max(100),
  fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX),
  theme: z.enum(['light', 'dark', 'system']),
  outlineCollapsed: z.record(z.string().max(200), z.array(z.string().max(200)).max(1000)),
  panels: z.object({ outlineOpen: z.boolean(), annotationsOpen: z.boolean(), outlineWidth: panelWidth, annotationsWidth: panelWidth }),
  layout: z.object({
    narrow: z.object({ outlineOpen: z.boolean(), annotationsOpen: z.boolean() }),
    medium: z.object({ outlineOpen: z.boolean(), annotationsOpen: z.boolean() }),
    wide: z.object({ outlineOpen: z.boolean(), annotationsOpen: z.boolean() }),
  }),
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  legend: DEFAULT_LEGEND.map((e) => ({ ...e })),
  authorName: '',
  fontSize: 18,
  theme: 'light',
  outlineCollapsed: {},
  panels: { outlineOpen: true, annotationsOpen: true, outlineWidth: 260, annotationsWidth: 320 },
  // Wide enough for the text and both panels; at medium widths the list opens on demand; on a
  // narrow window (projector, half screen) the text gets the whole width until a panel is asked for.
  layout: {
    narrow: { outlineOpen: false, annotationsOpen: false },
    medium: { outlineOpen: true, annotationsOpen: false },
    wide: { outlineOpen: true, annotationsOpen: true },
  },
});

/** A fresh copy, so callers can never mutate the defaults. */
const defaultOf = <K extends SettingKey>(key: K): Settings[K] => structuredClone(DEFAULT_SETTINGS[key]);

export class SettingsRepository {
  constructor(
    private readonly db: YanduDB,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored value, or the default when missing or invalid. */
  async get<K extends SettingKey>(key: K): Promise<Settings[K]> {
    const row = await this.db.settings.get(key);
    if (!row) return defaultOf(key);
    const r = settingSchemas[key].safeParse(row.value);
    return r.success ? r.data : defaultOf(key);
  }

  /** All settings (defaults filled in). */
  async getAll(): Promise<Settings> {
    const rows = await this.db.settings.toArray();
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    const out = {} as Record<SettingKey, unknown>;
    for (const key of Object.keys(settingSchemas) as SettingKey[]) {
      const r = settingSchemas[key].safeParse(byKey.get(key));
      out[key] = r.success ? r.data : defaultOf(key);
    }
    return out as unknown as Settings;
  }

  /**
   * Validates and stores one key; other keys are never written, so two windows changing
   * different settings keep both. Throws (naming the key) when the value is invalid.
   */
  async set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    await this.db.settings.put({ key, value: validSetting(key, value), updatedAt: this.now() });
  }

  /**
   * Read-modify-write of one key in a transaction (for keys holding several fields, such as
   * `panels`): `change` gets the value as stored now, not a copy another window made stale.
   */
  async change<K extends SettingKey>(key: K, change: (current: Settings[K]) => Settings[K]): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      const next = change(await this.get(key));
      await this.db.settings.put({ key, value: validSetting(key, next), updatedAt: this.now() });
    });
  }

  /** All settings, re-emitted after every change made by this or another window. */
  observeAll(): Observable<Settings> {
    return liveQuery(() => this.getAll());
  }

  /** Back to the default (removes the stored value). */
  async reset(key: SettingKey): Promise<void> {
    await this.db.settings.delete(key);
  }
}

function validSetting<K extends SettingKey>(key: K, value: Settings[K]): Settings[K] {
  const r = settingSchemas[key].safeParse(value);
  if (!r.success) throw new Error(`Setting ${key} rejected: ${issuesText(r.error)}`);
  return r.data;
}
