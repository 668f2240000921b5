import { sql, type Kysely } from 'kysely';
import type { ServerMigration } from './types';

/**
 * The sync server's tables (issue 17). One statement per query: PGlite and `pg`'s extended protocol
 * take one at a time. Times are timestamptz; every synced thing carries its clinic.
 */
const statements = [
  `create table clinics (
     id text primary key,
     name text not null unique check (length(name) between 1 and 200),
     created_at timestamptz not null default now()
   )`,
  `create table devices (
     id text primary key,
     clinic_id text not null references clinics(id),
     name text not null check (length(name) between 1 and 100),
     secret_hash text not null check (length(secret_hash) = 64),
     enrolled_at timestamptz not null default now(),
     revoked_at timestamptz,
     last_seen_at timestamptz
   )`,
  `create index devices_clinic on devices (clinic_id)`,
  // One-time: used_at is set in the same statement that checks it is unset.
  `create table enrolment_codes (
     code_hash text primary key check (length(code_hash) = 64),
     clinic_id text not null references clinics(id),
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     used_at timestamptz,
     device_id text references devices(id)
   )`,
  // The log desks pull, in the server's order. A change id is unique within its clinic: a replayed
  // batch finds its ids here and changes nothing.
  `create table changes (
     seq bigserial primary key,
     clinic_id text not null references clinics(id),
     change_id text not null,
     device_id text not null references devices(id),
     user_id text,
     table_name text not null,
     row_key jsonb not null,
     op text not null check (op in ('upsert', 'delete')),
     values jsonb not null,
     hlc text not null,
     received_at timestamptz not null default now(),
     unique (clinic_id, change_id)
   )`,
  `create index changes_clinic_seq on changes (clinic_id, seq)`,
  // The merged state per clinic × table × key (src-server/sync/merge.ts says how).
  `create table rows (
     clinic_id text not null references clinics(id),
     table_name text not null,
     row_key text not null,
     values jsonb not null,
     column_hlc jsonb not null,
     deleted_hlc text,
     full_hlc text,
     updated_at timestamptz not null default now(),
     primary key (clinic_id, table_name, row_key)
   )`,
  `create table rejections (
     id bigserial primary key,
     at timestamptz not null default now(),
     clinic_id text references clinics(id),
     device_id text references devices(id),
     change_id text,
     table_name text,
     code text not null,
     reason text not null,
     change jsonb
   )`,
  `create index rejections_clinic on rejections (clinic_id, at)`,
  // Refused requests whose device is unknown have no clinic: clinic_id and device_id are not foreign keys here.
  `create table server_audit (
     id bigserial primary key,
     at timestamptz not null default now(),
     clinic_id text,
     device_id text,
     action text not null,
     detail jsonb not null
   )`,
  `create index server_audit_at on server_audit (at)`,
];

export const serverMigration0001: ServerMigration = {
  name: '0001_sync_server',
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
