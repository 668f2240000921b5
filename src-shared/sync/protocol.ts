import { z } from 'zod';

/**
 * What a desk and the clinic's sync server say to each other (issue 17). Both sides parse every
 * message with these schemas: the server never trusts a desk, and a desk never trusts the network.
 *
 * Endpoints (JSON over HTTPS; plain HTTP only on loopback in tests), all under `/v1`:
 * - `POST /v1/enrol`  body EnrolRequest → EnrolResponse. No credentials: the one-time code is the credential.
 * - `POST /v1/push`   body PushRequest  → PushResponse. `Authorization: Bearer <deviceId>.<secret>`.
 * - `GET  /v1/pull?after=<cursor>&limit=<n>&waitMs=<ms>` → PullResponse (long poll up to waitMs when empty).
 * - `GET  /v1/snapshot?afterTable=<t>&afterKey=<k>&limit=<n>` → SnapshotResponse: the clinic's merged rows
 *   (a new desk starts from them, and so does a desk whose cursor is older than the compacted log).
 * - `GET  /v1/status` → StatusResponse.
 * - `POST /v1/revoke` body RevokeRequest → RevokeResponse: an administrator at a desk retires a device
 *   of the same clinic (the server CLI can revoke any device).
 * - `GET  /v1/devices?userId=<id>` → DevicesResponse: the clinic's devices, for its administrators.
 * - `POST /v1/enrol-codes` body EnrolCodeRequest → EnrolCodeResponse: a one-time code for another desk.
 * - `POST /v1/rename` body RenameRequest → RenameResponse: a device of the clinic given the name people know it by.
 * The last four name the signed-in user asking; the server requires `users:manage` for them.
 * - `POST /v1/reminders/claim` body ReminderClaimRequest → ReminderClaimResponse: which desk sends a
 *   reminder (each reminder is sent by the one desk the server grants it to, for a lease).
 * - `POST /v1/reminders/settle` body ReminderSettleRequest → ReminderSettleResponse: what came of it.
 * - `POST /v1/chunks/has` body ChunkHasRequest → ChunkHasResponse; `POST /v1/chunks` body ChunkPutRequest →
 *   ChunkPutResponse; `GET /v1/chunks?hash=<sha256>` → ChunkResponse: a document's bytes in chunks of at
 *   most CHUNK_BYTES, addressed by their SHA-256 and kept per clinic (another clinic's are NOT_FOUND).
 * - `POST /v1/files` body FilePutRequest → FileResponse (the file's chunk list, accepted once every chunk
 *   is there and they hash together to its SHA-256); `GET /v1/files?sha256=<hash>` → FileResponse.
 * Errors are `{ error: { code, message } }` with 400 (malformed), 401 (unknown/revoked device),
 * 403 (another clinic), 409 (skew too large), 410 (RESYNC_REQUIRED: the pull's cursor is older than the
 * compacted log; start again from the snapshot), 413 (batch too big), 500 (the server failed; retry later).
 */
export const SYNC_PROTOCOL_VERSION = 1;
export const MAX_PUSH_CHANGES = 500;
export const MAX_PULL_CHANGES = 1000;
export const MAX_PULL_WAIT_MS = 25_000;
/** A desk whose clock is further than this from the server's is refused with SKEW_TOO_LARGE. */
export const MAX_CLOCK_SKEW_MS = 36 * 60 * 60 * 1000;

/**
 * Hybrid logical clock stamp, sortable as text: 15-digit wall-clock milliseconds, 6-digit counter,
 * device id. `001764668400000:000000:0190...` — comparing two stamps as strings orders them.
 */
export const HLC_PATTERN = /^\d{15}:\d{6}:[0-9a-f-]{36}$/;
export const hlcSchema = z.string().regex(HLC_PATTERN, 'must be an HLC stamp (wall:counter:device)');

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a uuid');
const name = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z_][a-z0-9_]*$/, 'must be a table or column name');

/** A column value: SQLite's storage classes; a BLOB travels as base64 inside `{ b64 }`. */
export const syncValueSchema = z.union([
  z.null(),
  z.string().max(1_000_000),
  z.number(),
  z.object({ b64: z.string().max(14_000_000) }).strict(),
]);
export type SyncValue = z.infer<typeof syncValueSchema>;

/**
 * One captured write. `key` is the row's primary key values in key order (one value for an `id` key,
 * several for a composite key). `values` holds the columns the write set (all of them on insert, the
 * changed ones on update, none on delete). Merging is per column by `hlc` for records; ledgers only
 * ever see inserts.
 */
export const syncChangeSchema = z
  .object({
    id: uuid,
    table: name,
    key: z
      .array(z.union([z.string().max(200), z.number().int()]))
      .min(1)
      .max(4),
    op: z.enum(['upsert', 'delete']),
    values: z.record(name, syncValueSchema),
    hlc: hlcSchema,
    deviceId: uuid,
    /** The signed-in user whose action made the change; null for the system (migrations, sweeps). */
    userId: z.string().max(64).nullable(),
  })
  .strict();
export type SyncChange = z.infer<typeof syncChangeSchema>;

export const enrolRequestSchema = z
  .object({ code: z.string().min(8).max(64), deviceName: z.string().min(1).max(100) })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export interface EnrolResponse {
  deviceId: string;
  clinicId: string;
  clinicName: string;
  /** Shown once: the desk keeps it in its encrypted database and sends `<deviceId>.<secret>`. */
  secret: string;
  serverTime: number;
  /** This device's code in its clinic (A, B, … AA): in every MRN and invoice number it gives (desk-code.ts). */
  deskCode: string;
}

export const pushRequestSchema = z
  .object({ changes: z.array(syncChangeSchema).min(1).max(MAX_PUSH_CHANGES), deskTime: z.number().int() })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResult =
  { id: string; status: 'accepted' | 'duplicate' } | { id: string; status: 'rejected'; code: string; reason: string };
export interface PushResponse {
  results: PushResult[];
  serverTime: number;
}

export interface PulledChange extends SyncChange {
  /** The server's order: the cursor a desk saves after applying everything up to it. */
  seq: string;
}
export interface PullResponse {
  changes: PulledChange[];
  /** Pass as `after` next time; save it only once every change it covers is applied. */
  cursor: string;
  hasMore: boolean;
  serverTime: number;
  /** This device's desk code, so a desk enrolled before codes existed learns its own. */
  deskCode?: string;
}

export const MAX_SNAPSHOT_ROWS = 2000;

/**
 * Sent by a desk that takes snapshot rows with their stamps compacted (`columnsAtFull`,
 * snapshot-stamps.ts); a server that does not know it ignores it and sends every stamp.
 */
export const SNAPSHOT_STAMPS_HEADER = 'x-front-desk-snapshot-stamps';
export const SNAPSHOT_STAMPS_COMPACT = 'compact';

/**
 * One merged row as the server holds it: every column's latest value with the stamp that set it, the
 * greatest delete (a tombstone) and the greatest whole-row upsert. A row with `deletedHlc` and no later
 * `fullHlc` is deleted; the desk keeps its tombstone. `columnsAtFull`: a column of `values` with no
 * stamp in `columnHlc` was set by `fullHlc` (only to a desk that asked, SNAPSHOT_STAMPS_HEADER).
 */
export const snapshotRowSchema = z
  .object({
    table: name,
    key: z
      .array(z.union([z.string().max(200), z.number().int()]))
      .min(1)
      .max(4),
    values: z.record(name, syncValueSchema),
    columnHlc: z.record(name, hlcSchema),
    deletedHlc: hlcSchema.nullable(),
    fullHlc: hlcSchema.nullable(),
    columnsAtFull: z.literal(true).optional(),
  })
  .strict()
  .refine((row) => !row.columnsAtFull || row.fullHlc !== null, {
    message: 'a row marked columnsAtFull needs its fullHlc stamp',
    path: ['columnsAtFull'],
  });
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

export interface SnapshotResponse {
  rows: SnapshotRow[];
  /** Where the next page starts; null on the last page. */
  next: { table: string; key: string } | null;
  /**
   * The log position this snapshot covers, read before its rows: take the first page's, and pull from
   * it once every page is applied (rows read later may hold newer changes too; merging them again changes nothing).
   */
  cursor: string;
  serverTime: number;
}

export interface StatusResponse {
  clinicId: string;
  clinicName: string;
  deviceId: string;
  deviceName: string;
  serverTime: number;
  protocol: typeof SYNC_PROTOCOL_VERSION;
}

export const revokeRequestSchema = z
  .object({
    deviceId: uuid,
    /** The signed-in user asking; the server requires `users:manage` for them in the clinic's synced roles. */
    userId: z.string().min(1).max(64),
  })
  .strict();
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;
export interface RevokeResponse {
  deviceId: string;
  /** false when it was already revoked. */
  revoked: boolean;
}

/** What a desk is called on the Devices list ("Reception 1", "Nurse station"). */
export const deviceName = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

export const renameRequestSchema = z
  .object({ deviceId: uuid, userId: z.string().min(1).max(64), name: deviceName })
  .strict();
export type RenameRequest = z.infer<typeof renameRequestSchema>;
export interface RenameResponse {
  deviceId: string;
  name: string;
}

/** The user asking at a desk: active in the clinic's synced users, their role holding `users:manage`. */
const askingUser = z.string().min(1).max(64);

export const devicesQuerySchema = z.object({ userId: askingUser }).strict();
export interface DeviceInfo {
  id: string;
  name: string;
  /** A, B, … AA: in every MRN and invoice number the desk gives. */
  deskCode: string;
  enrolledAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}
export interface DevicesResponse {
  clinicName: string;
  /** Oldest enrolment first. */
  devices: DeviceInfo[];
}

export const MAX_ENROL_CODE_HOURS = 24 * 30;
export const enrolCodeRequestSchema = z
  .object({ userId: askingUser, hours: z.number().int().min(1).max(MAX_ENROL_CODE_HOURS) })
  .strict();
export type EnrolCodeRequest = z.infer<typeof enrolCodeRequestSchema>;
export interface EnrolCodeResponse {
  /** `XXXX-XXXX-XXXX-XXXX`, shown once: the server keeps only its hash. */
  code: string;
  clinicName: string;
  expiresAt: number;
}

/**
 * Reminder claims (issue 17: a reminder is sent once for the clinic, not once per desk). Outbox rows
 * have the same id on every desk (derived from their plan key), so desks claim them by id.
 */
export const MAX_REMINDER_CLAIMS = 200;
/** How long a claim may be held before another desk may take it over (a desk that died mid-send). */
export const MAX_REMINDER_LEASE_MS = 60 * 60_000;
const reminderId = z.string().min(1).max(64);
export const reminderClaimRequestSchema = z
  .object({
    ids: z.array(reminderId).min(1).max(MAX_REMINDER_CLAIMS),
    leaseMs: z.number().int().min(1_000).max(MAX_REMINDER_LEASE_MS),
  })
  .strict();
export type ReminderClaimRequest = z.infer<typeof reminderClaimRequestSchema>;
export interface ReminderClaim {
  id: string;
  /** true: this desk sends it now, and no other desk until `until` (server time) or its settle. */
  granted: boolean;
  /** Settled by some desk: sent or failed for good, at `at` (the desk adopts it and sends nothing). */
  outcome: 'sent' | 'failed' | null;
  at: number | null;
  /** The desk code holding or having settled it. */
  by: string | null;
  until: number | null;
}
export interface ReminderClaimResponse {
  claims: ReminderClaim[];
  serverTime: number;
}
export const reminderSettleRequestSchema = z
  .object({
    results: z
      .array(
        z
          .object({
            id: reminderId,
            /** `retry`: not sent; nobody (this desk included) takes it for `retryInMs`; 0 releases it. */
            outcome: z.enum(['sent', 'failed', 'retry']),
            at: z.number().int(),
            retryInMs: z
              .number()
              .int()
              .min(0)
              .max(7 * 24 * 60 * 60_000)
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_REMINDER_CLAIMS),
  })
  .strict();
export type ReminderSettleRequest = z.infer<typeof reminderSettleRequestSchema>;
export interface ReminderSettleResponse {
  /** How many of the results were this desk's claims to settle. */
  settled: number;
}

export interface SyncErrorBody {
  error: {
    code:
      | 'MALFORMED'
      | 'UNAUTHORISED'
      | 'FORBIDDEN'
      | 'SKEW_TOO_LARGE'
      | 'TOO_LARGE'
      | 'NOT_FOUND'
      | 'RESYNC_REQUIRED'
      | 'INTERNAL';
    message: string;
  };
}

/**
 * Documents and photos travel apart from their record row (issue 17): the row (with the file's SHA-256
 * and size) syncs as any record, the bytes in chunks pushed and pulled one by one, so a transfer cut
 * mid-way resumes from the chunks already on the other side.
 */
export const CHUNK_BYTES = 256 * 1024;
/** The largest file the server keeps (a patient document's limit, src-shared/patients/documents.ts). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_CHUNKS = Math.ceil(MAX_FILE_BYTES / CHUNK_BYTES);
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const sha256Hex = z.string().regex(SHA256_PATTERN, 'must be a SHA-256 in lower-case hex');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const chunkHasRequestSchema = z.object({ hashes: z.array(sha256Hex).min(1).max(MAX_FILE_CHUNKS) }).strict();
export type ChunkHasRequest = z.infer<typeof chunkHasRequestSchema>;
export interface ChunkHasResponse {
  /** Those of the hashes the server holds for this clinic. */
  have: string[];
}

export const chunkPutRequestSchema = z
  .object({
    hash: sha256Hex,
    b64: z
      .string()
      .min(4)
      .max(Math.ceil(CHUNK_BYTES / 3) * 4)
      .regex(BASE64, 'must be base64'),
  })
  .strict();
export type ChunkPutRequest = z.infer<typeof chunkPutRequestSchema>;
export interface ChunkPutResponse {
  /** False when the clinic already had it (pushing a chunk twice changes nothing). */
  stored: boolean;
}
export interface ChunkResponse {
  hash: string;
  b64: string;
}

export const filePutRequestSchema = z
  .object({
    sha256: sha256Hex,
    size: z.number().int().min(1).max(MAX_FILE_BYTES),
    chunks: z.array(sha256Hex).min(1).max(MAX_FILE_CHUNKS),
  })
  .strict()
  .refine((file) => file.chunks.length === Math.ceil(file.size / CHUNK_BYTES), {
    message: `must list one chunk per ${CHUNK_BYTES} bytes of the file`,
    path: ['chunks'],
  });
export type FilePutRequest = z.infer<typeof filePutRequestSchema>;
export type FileResponse = FilePutRequest;
export const fileResponseSchema = filePutRequestSchema;
