import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** What a migration may use: the raw handle, inside the transaction the migrator opened. */
export type MigrationHandle = Pick<BetterSqlite3.Database, 'exec' | 'prepare'>;

export interface Migration {
  /** Equal to the number in the file name; never reused, never edited after it lands. */
  version: number;
  name: string;
  up(db: MigrationHandle, now: number): void;
}
