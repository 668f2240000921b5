import type { Kysely } from 'kysely';

/** A server migration (PostgreSQL and PGlite alike), run by Kysely's Migrator in src-server/db/open.ts. */
export interface ServerMigration {
  /** `NNNN_name`, equal to the file name; never reused, never edited after it lands. */
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
