import { sql, type Kysely } from 'kysely';
import type { ServerMigration } from './types';

/**
 * Reminder claims (issue 17): one row per reminder a desk of the clinic claimed. The claim is held by
 * `device_id` until `until_ms` (server time, ms); `outcome` set means sent or failed for good, and no
 * desk is granted it again.
 */
export const serverMigration0003: ServerMigration = {
  name: '0003_reminder_claims',
  async up(db: Kysely<unknown>) {
    await sql
      .raw(
        `create table reminder_claims (
          clinic_id text not null references clinics(id),
          reminder_id text not null,
          device_id text not null references devices(id),
          claimed_at bigint not null,
          until_ms bigint not null,
          outcome text check (outcome in ('sent', 'failed')),
          outcome_at bigint,
          primary key (clinic_id, reminder_id)
        )`,
      )
      .execute(db);
  },
};
