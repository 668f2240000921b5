import { sql, type Kysely } from 'kysely';
import type { ServerMigration } from './types';

/**
 * Documents and photos in chunks (issue 17). `file_chunks` holds each chunk once per clinic, addressed
 * by its SHA-256 (at most 256 KiB); `files` lists a whole file's chunks in order under the file's SHA-256,
 * written only once every chunk is there and they hash together to it. Both are keyed by clinic, so a
 * device only ever finds its own clinic's bytes.
 *
 * The bytes no longer travel inside the `patient_documents` row (desk migration 0036 moved them out of
 * it), so the `content` column is taken out of the merged rows and the log: no desk would know it.
 */
export const serverMigration0006: ServerMigration = {
  name: '0006_file_chunks',
  async up(db: Kysely<unknown>) {
    await sql
      .raw(
        `create table file_chunks (
          clinic_id text not null references clinics(id),
          hash text not null check (hash ~ '^[0-9a-f]{64}$'),
          size integer not null check (size > 0 and size <= 262144),
          data bytea not null,
          device_id text not null references devices(id),
          created_at timestamptz not null default now(),
          primary key (clinic_id, hash)
        )`,
      )
      .execute(db);
    await sql
      .raw(
        `create table files (
          clinic_id text not null references clinics(id),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          size integer not null check (size > 0 and size <= 5242880),
          chunks jsonb not null,
          device_id text not null references devices(id),
          created_at timestamptz not null default now(),
          primary key (clinic_id, sha256)
        )`,
      )
      .execute(db);
    await sql
      .raw(
        `update rows set "values" = "values" - 'content', column_hlc = column_hlc - 'content'
         where table_name = 'patient_documents'`,
      )
      .execute(db);
    await sql
      .raw(`update changes set "values" = "values" - 'content' where table_name = 'patient_documents'`)
      .execute(db);
  },
};
