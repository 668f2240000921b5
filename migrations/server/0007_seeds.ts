import { sql, type Kysely } from 'kysely';
import type { ServerMigration } from './types';

/**
 * Starting copies of a clinic for new desks (src-shared/sync/seed.ts). `seeds` has one row per copy
 * being sent or sent (`published_at` set once every chunk is here and their digests hash to `sha256`);
 * `seed_chunks` its bytes in order, 4 MiB each, with each chunk's SHA-256 taken as it arrived. Both keyed by clinic: a device only ever finds its own
 * clinic's copy. A copy goes when a newer one is published or the log is compacted past its cursor.
 */
export const serverMigration0007: ServerMigration = {
  name: '0007_seeds',
  async up(db: Kysely<unknown>) {
    await sql
      .raw(
        `create table seeds (
          clinic_id text not null references clinics(id),
          id text not null,
          device_id text not null references devices(id),
          created_at timestamptz not null default now(),
          published_at timestamptz,
          cursor_seq bigint,
          schema_version integer,
          size bigint,
          sha256 text,
          chunks integer,
          key_hex text,
          primary key (clinic_id, id),
          check ((published_at is null) = (cursor_seq is null))
        )`,
      )
      .execute(db);
    await sql
      .raw(
        `create table seed_chunks (
          clinic_id text not null,
          seed_id text not null,
          idx integer not null check (idx >= 0),
          size integer not null check (size > 0 and size <= 4194304),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          data bytea not null,
          primary key (clinic_id, seed_id, idx),
          foreign key (clinic_id, seed_id) references seeds (clinic_id, id) on delete cascade
        )`,
      )
      .execute(db);
  },
};
