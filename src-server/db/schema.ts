import type { ColumnType, Generated } from 'kysely';

/** A jsonb column: read as parsed JSON, written as JSON text (both `pg` and PGlite take text for jsonb). */
type Json = ColumnType<unknown, string, string>;
/** bigserial: `pg` reads int8 as text, PGlite as a number; code reads it through String(). */
type Serial = ColumnType<string | number, never, never>;

/** The server's own database (migrations/server), PostgreSQL or PGlite. Every synced row carries its clinic. */
export interface ServerDatabase {
  clinics: {
    id: string;
    name: string;
    created_at: Generated<Date>;
    desks_enrolled: Generated<number>;
    /** The compaction horizon (migrations/server/0004): no change at or below it is kept. */
    compacted_seq: ColumnType<string | number, never, string | number>;
  };
  devices: {
    id: string;
    clinic_id: string;
    name: string;
    /** sha256 of the 32-byte secret, hex; the secret itself is shown once, at enrolment. */
    secret_hash: string;
    enrolled_at: Generated<Date>;
    revoked_at: Date | null;
    last_seen_at: Date | null;
    /** Unique in its clinic, never reused (migrations/server/0002): every number the desk gives carries it. */
    desk_code: string;
    /** The cursor it last pulled from: every change up to it is applied there (0004). */
    acked_seq: ColumnType<string | number | null, never, string | number>;
  };
  enrolment_codes: {
    code_hash: string;
    clinic_id: string;
    created_at: Generated<Date>;
    expires_at: Date;
    used_at: Date | null;
    device_id: string | null;
  };
  changes: {
    seq: Serial;
    clinic_id: string;
    change_id: string;
    device_id: string;
    user_id: string | null;
    table_name: string;
    row_key: Json;
    op: 'upsert' | 'delete';
    values: Json;
    hlc: string;
    received_at: Generated<Date>;
  };
  rows: {
    clinic_id: string;
    table_name: string;
    /** JSON text of the key array, so a composite key is one column. */
    row_key: string;
    values: Json;
    column_hlc: Json;
    deleted_hlc: string | null;
    full_hlc: string | null;
    updated_at: Generated<Date>;
  };
  rejections: {
    id: Serial;
    at: Generated<Date>;
    clinic_id: string | null;
    device_id: string | null;
    change_id: string | null;
    table_name: string | null;
    code: string;
    reason: string;
    change: Json | null;
  };
  reminder_claims: {
    clinic_id: string;
    reminder_id: string;
    device_id: string;
    /** bigint: `pg` reads int8 as text, PGlite as a number; code reads it through Number(). */
    claimed_at: ColumnType<string | number, number, number>;
    until_ms: ColumnType<string | number, number, number>;
    outcome: 'sent' | 'failed' | null;
    outcome_at: ColumnType<string | number | null, number | null, number | null>;
  };
  /** A document's chunks, once per clinic and hash (migrations/server/0006). */
  file_chunks: {
    clinic_id: string;
    hash: string;
    size: number;
    data: Buffer;
    device_id: string;
    created_at: Generated<Date>;
  };
  /** A whole document: its chunks in order, written once they are all there and hash to `sha256`. */
  files: {
    clinic_id: string;
    sha256: string;
    size: number;
    chunks: Json;
    device_id: string;
    created_at: Generated<Date>;
  };
  /** A starting copy of the clinic for new desks (migrations/server/0007); published once whole. */
  seeds: {
    clinic_id: string;
    id: string;
    device_id: string;
    created_at: Generated<Date>;
    published_at: Date | null;
    cursor_seq: ColumnType<string | null, string | null, string | null>;
    schema_version: number | null;
    size: ColumnType<string | number | null, number | null, number | null>;
    sha256: string | null;
    chunks: number | null;
    key_hex: string | null;
  };
  seed_chunks: {
    clinic_id: string;
    seed_id: string;
    idx: number;
    size: number;
    sha256: string;
    data: Buffer;
  };
  server_audit: {
    id: Serial;
    at: Generated<Date>;
    clinic_id: string | null;
    device_id: string | null;
    action: string;
    detail: Json;
  };
}
