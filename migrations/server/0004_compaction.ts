import { sql, type Kysely } from 'kysely';
import type { ServerMigration } from './types';

/**
 * Compaction (issue 17): `devices.acked_seq` is the cursor a device last pulled from (everything up to
 * it is applied on that desk: a desk saves a cursor only once what it covers is applied), and
 * `clinics.compacted_seq` is the clinic's horizon: the log holds no change at or below it, so a pull
 * from an older cursor is answered RESYNC_REQUIRED and the desk starts again from a snapshot of `rows`.
 */
export const serverMigration0004: ServerMigration = {
  name: '0004_compaction',
  async up(db: Kysely<unknown>) {
    await sql.raw('alter table devices add column acked_seq bigint').execute(db);
    await sql.raw('alter table clinics add column compacted_seq bigint not null default 0').execute(db);
  },
};
