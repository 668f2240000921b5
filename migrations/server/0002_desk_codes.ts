import { sql, type Kysely } from 'kysely';
import { deskCodeOf } from '../../src-shared/sync/desk-code';
import type { ServerMigration } from './types';

/**
 * Desk codes (issue 17): each device gets a short code unique in its clinic (A, B, … Z, AA …) in the
 * order it enrolled; `clinics.desks_enrolled` counts the codes given so far, so none is ever reused.
 * Devices enrolled before this migration are numbered here, oldest first.
 */
export const serverMigration0002: ServerMigration = {
  name: '0002_desk_codes',
  async up(db: Kysely<unknown>) {
    await sql.raw('alter table clinics add column desks_enrolled integer not null default 0').execute(db);
    await sql.raw('alter table devices add column desk_code text').execute(db);
    const devices = await sql<{
      id: string;
      clinic_id: string;
    }>`select id, clinic_id from devices order by clinic_id, enrolled_at, id`.execute(db);
    const counts = new Map<string, number>();
    for (const device of devices.rows) {
      const ordinal = (counts.get(device.clinic_id) ?? 0) + 1;
      counts.set(device.clinic_id, ordinal);
      await sql`update devices set desk_code = ${deskCodeOf(ordinal)} where id = ${device.id}`.execute(db);
    }
    for (const [clinicId, count] of counts) {
      await sql`update clinics set desks_enrolled = ${count} where id = ${clinicId}`.execute(db);
    }
    await sql.raw('alter table devices alter column desk_code set not null').execute(db);
    await sql.raw('create unique index devices_desk_code on devices (clinic_id, desk_code)').execute(db);
  },
};
