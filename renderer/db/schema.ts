/**
 * The IndexedDB database of 研读 (Dexie). The source of truth for annotations, settings and
 * reading positions.
 *
 * Versions are declared one by one and never edited once released: a new version adds a
 * `db.version(n)` block below (plus a named upgrade function when data must change) and a
 * fixture test that opens a database created by the previous version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Annotation } from '../../shared/annotations/model';
import type { ShelfEntry } from '../../shared/library/entry';

/** Current schema version (Dexie version number, not the IndexedDB one, which Dexie ×10). */
export const SCHEMA_VERSION = 3;
export const DEFAULT_DB_NAME = 'yandu';

/**
 * An annotation as stored. IndexedDB cannot index booleans, so the tombstone flag is kept as
 * 0/1 to be usable in the `[reportId+deleted]` index; the repository converts at the edge.
 */
export type StoredAnnotation = Omit<Annotation, 'deleted'> & { deleted: 0 | 1 };

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

export interface ReadingPosition {
  reportId: string;
  /** Paragraph at the top of the reading column. */
  paragraphId: string;
  /** How far that paragraph is scrolled past the top, 0..1 of its height. */
  offsetRatio: number;
  /** ms since epoch. */
  updatedAt: number;
}

/** Version 1 table layout; kept verbatim for the migration fixtures. */
export const SCHEMA_V1 = {
  annotations: 'id, reportId, [reportId+deleted], updatedAt, author, color, *tags',
  settings: 'key',
  readingPositions: 'reportId',
} as const;

/**
 * Version 2 adds the 书架 (library) catalogue; every version-1 table and index is kept as it was.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  shelf: 'id, addedAt, removedAt',
} as const;

/**
 * Version 3 adds the drafts of 起草 (代表建议, 审议发言提纲).
 */
export const SCHEMA_V3_DRAFTS = { drafts: 'id, reportId, updatedAt' } as const;

/** A draft of 起草: a Lexical rich-text document saved as typed. */
export interface DraftRow {
  id: string;
  reportId: string;
  /** `proposal` = 代表建议, `outline` = 审议发言提纲. */
  kind: 'proposal' | 'outline';
  title: string;
  /** Serialized Lexical editor state. */
  json: string;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted: the draft waits under 最近删除 until restored or deleted for good. */
  deletedAt?: number;
}

export interface YanduDBOptions {
  /** Database name; tests use unique names. Default `yandu`. */
  name?: string;
  /** Injected IndexedDB implementation (defaults to the global one). */
  indexedDB?: Pick<IDBFactory, 'open'>;
  IDBKeyRange?: Pick<typeof IDBKeyRange, 'bound' | 'lowerBound' | 'upperBound'>;
}

export class YanduDB extends Dexie {
  annotations!: EntityTable<StoredAnnotation, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  readingPositions!: EntityTable<ReadingPosition, 'reportId'>;
  shelf!: EntityTable<ShelfEntry, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;

  constructor(options: YanduDBOptions = {}) {
    super(options.name ?? DEFAULT_DB_NAME, {
      // A highlight or note the user saw saved must survive a crash or power cut: wait for the
      // write to reach disk instead of Chrome's default relaxed durability.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(SCHEMA_V1);
    // No upgrade function: the new tables start empty and fill as reports are opened; the
    // bundled report is put on the shelf at start (renderer/library/shelf-repository.ts).
    this.version(2).stores(SCHEMA_V2);
    // New table only: every version-1 row stays as it is, no data migration needed.
    this.version(3).stores(SCHEMA_V3_DRAFTS);
  }
}
