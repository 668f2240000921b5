import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  enrolRequestSchema,
  MAX_CLOCK_SKEW_MS,
  MAX_PULL_CHANGES,
  MAX_PULL_WAIT_MS,
  MAX_PUSH_CHANGES,
  MAX_SNAPSHOT_ROWS,
  type EnrolResponse,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type SnapshotResponse,
  type StatusResponse,
  SYNC_PROTOCOL_VERSION,
} from '../../src-shared/sync/protocol';
import type { ServerDb } from '../db/open';
import { compactedSeq, latestSeq, recordAck, snapshotPage } from '../db/compaction';
import { compactStamps } from '../../src-shared/sync/snapshot-stamps';
import * as repo from '../db/repository';
import { newSecret, normaliseCode, parseToken, secretMatches, sha256 } from './credentials';
import { SyncError } from './errors';
import { pushBatch } from './push';
import { POLL_MS, type PushSignal } from './signal';
import { hlcWall, parseChange, storable } from './validate';

export interface ServerContext {
  db: ServerDb;
  /** The server's clock (tests move it). */
  now(): number;
  signal: PushSignal;
}

const LAST_SEEN_STEP_MS = 30_000;

/** Who is calling: a device that is enrolled and not revoked, proven by its secret. Every refusal is audited. */
export async function authenticate(
  ctx: ServerContext,
  header: string | undefined,
  path: string,
): Promise<repo.DeviceRow> {
  const token = parseToken(header);
  if (!token) {
    await repo.audit(ctx.db, {
      clinicId: null,
      deviceId: null,
      action: 'auth.refused',
      detail: { path, why: 'no or garbled token' },
    });
    throw new SyncError('UNAUTHORISED', 'Send Authorization: Bearer <deviceId>.<secret> from enrolment');
  }
  const device = await repo.findDevice(ctx.db, token.deviceId);
  if (!device || !secretMatches(token.secret, device.secretHash)) {
    await repo.audit(ctx.db, {
      clinicId: device?.clinicId ?? null,
      deviceId: null,
      action: 'auth.refused',
      detail: { path, why: device ? 'wrong secret' : 'unknown device', claimed: token.deviceId },
    });
    throw new SyncError('UNAUTHORISED', 'This device is not enrolled with this server');
  }
  if (device.revokedAt) {
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'auth.revoked',
      detail: { path },
    });
    throw new SyncError('UNAUTHORISED', 'This device was revoked on the server: enrol it again with a new code');
  }
  // "Last seen" to the half minute: a write (and its commit) on every request would tie a desk's
  // long polls, pushes and a starting copy's hundreds of chunk requests to one row of the database.
  const now = ctx.now();
  if (device.lastSeenAt === null || now - device.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS)
    await repo.touchDevice(ctx.db, device.id, new Date(now));
  return device;
}

export async function enrol(ctx: ServerContext, body: unknown): Promise<EnrolResponse> {
  const parsed = enrolRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  if (!storable(parsed.data.deviceName))
    throw new SyncError('MALFORMED', 'deviceName: holds a NUL character or broken Unicode');
  const deviceId = randomUUID();
  const secret = newSecret();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const codeHash = sha256(normaliseCode(parsed.data.code));
    const clinicId = await repo.claimEnrolmentCode(trx, codeHash);
    if (!clinicId) return null;
    const deskCode = await repo.insertDevice(trx, {
      id: deviceId,
      clinicId,
      name: parsed.data.deviceName,
      secretHash: sha256(secret),
    });
    await repo.recordCodeDevice(trx, codeHash, deviceId);
    await repo.audit(trx, {
      clinicId,
      deviceId,
      action: 'device.enrolled',
      detail: { name: parsed.data.deviceName, deskCode },
    });
    return repo.findDevice(trx, deviceId);
  });
  if (!result) {
    await repo.audit(ctx.db, {
      clinicId: null,
      deviceId: null,
      action: 'enrol.refused',
      detail: { name: parsed.data.deviceName },
    });
    throw new SyncError('UNAUTHORISED', 'This enrolment code is unknown, already used or expired: ask for a new one');
  }
  return {
    deviceId,
    clinicId: result.clinicId,
    clinicName: result.clinicName,
    secret,
    serverTime: ctx.now(),
    deskCode: result.deskCode,
  };
}

const pushEnvelope = z.object({ changes: z.array(z.unknown()).min(1), deskTime: z.number().int() }).strict();

export async function push(ctx: ServerContext, device: repo.DeviceRow, body: unknown): Promise<PushResponse> {
  const envelope = pushEnvelope.safeParse(body);
  if (!envelope.success) throw malformed(envelope.error);
  if (envelope.data.changes.length > MAX_PUSH_CHANGES) {
    throw new SyncError('TOO_LARGE', `At most ${MAX_PUSH_CHANGES} changes per push`);
  }
  const parsed = envelope.data.changes.map(parseChange);
  const now = ctx.now();
  // A desk's clock far off would stamp changes that win every merge for days (or lose them all), and
  // an HLC far ahead drags every desk's clock forward with it. Only the future is refused: a desk
  // that was offline for a week pushes honest old stamps.
  const ahead = Math.max(
    envelope.data.deskTime - now,
    ...parsed.map((p) => (p.ok ? hlcWall(p.change.hlc) - now : Number.NEGATIVE_INFINITY)),
  );
  const behind = now - envelope.data.deskTime;
  if (ahead > MAX_CLOCK_SKEW_MS || behind > MAX_CLOCK_SKEW_MS) {
    const hours = Math.round(Math.max(ahead, behind) / 3_600_000);
    const way = ahead > MAX_CLOCK_SKEW_MS ? 'ahead of' : 'behind';
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'push.skew',
      detail: { deskTime: envelope.data.deskTime, serverTime: now },
    });
    throw new SyncError(
      'SKEW_TOO_LARGE',
      `This computer's clock is about ${hours} hours ${way} the server's (server time ${new Date(now).toISOString()}). ` +
        'Nothing was applied: set the date and time, then sync again.',
    );
  }
  const results: PushResult[] = await ctx.db.transaction().execute((trx) => pushBatch(trx, device, parsed));
  if (results.some((r) => r.status === 'accepted')) ctx.signal.notify(device.clinicId);
  return { results, serverTime: ctx.now() };
}

/** A cursor names its clinic, so a cursor of another clinic is refused rather than silently read. */
export function formatCursor(clinicId: string, seq: string): string {
  return `${clinicId}:${seq}`;
}

const pullQuery = z.object({
  after: z
    .string()
    .max(100)
    .regex(/^(|0|[0-9a-f-]{36}:\d{1,19})$/, 'must be a cursor from an earlier pull')
    .default(''),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
  waitMs: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_MS).default(0),
});

export async function pull(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
  abort: AbortSignal,
): Promise<PullResponse> {
  const parsed = pullQuery.safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  const { after, limit, waitMs } = parsed.data;
  let afterSeq = '0';
  if (after !== '' && after !== '0') {
    const [clinicId, seq] = after.split(':');
    if (clinicId !== device.clinicId || seq === undefined) {
      await repo.audit(ctx.db, {
        clinicId: device.clinicId,
        deviceId: device.id,
        action: 'pull.refused',
        detail: { why: "another clinic's cursor", after },
      });
      throw new SyncError('FORBIDDEN', "This cursor belongs to another clinic's log");
    }
    afterSeq = seq;
  }
  // Never an answer that silently skips changes (Electric's "offset out of bounds"): a cursor below
  // the compacted horizon names changes the log no longer holds.
  const horizon = await compactedSeq(ctx.db, device.clinicId);
  if (BigInt(afterSeq) < BigInt(horizon)) {
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'pull.resync',
      detail: { after: afterSeq, horizon },
    });
    throw new SyncError(
      'RESYNC_REQUIRED',
      `This desk was away longer than the server keeps history (its position ${afterSeq}, history kept from ${horizon}): it starts again from the clinic's snapshot, keeping its own unsent changes.`,
    );
  }
  // What the desk sends as `after` it has applied and saved: compaction may drop everything up to it.
  await recordAck(ctx.db, device.id, afterSeq);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const rows = await repo.changesAfter(ctx.db, device.clinicId, afterSeq, limit + 1);
    const remaining = deadline - Date.now();
    if (rows.length > 0 || remaining <= 0 || abort.aborted) {
      const page = rows.slice(0, limit);
      const last = page.at(-1)?.seq ?? afterSeq;
      return {
        changes: page.map((row) => ({ ...row.change, seq: formatCursor(device.clinicId, row.seq) })),
        cursor: formatCursor(device.clinicId, last),
        hasMore: rows.length > limit,
        serverTime: ctx.now(),
        deskCode: device.deskCode,
      };
    }
    await ctx.signal.wait(device.clinicId, Math.min(POLL_MS, remaining), abort);
  }
}

const snapshotQuery = z
  .object({
    afterTable: z.string().max(64).default(''),
    afterKey: z.string().max(1000).default(''),
    limit: z.coerce.number().int().min(1).max(MAX_SNAPSHOT_ROWS).default(MAX_SNAPSHOT_ROWS),
  })
  .strict();

/**
 * A page of the clinic's merged rows (a new desk, or one whose cursor is below the horizon). The
 * cursor is read before the rows, so every change up to it is in them; a desk pulls from it after.
 */
export async function snapshot(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
  compact = false,
): Promise<SnapshotResponse> {
  const parsed = snapshotQuery.safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  const { afterTable, afterKey, limit } = parsed.data;
  const cursor = formatCursor(device.clinicId, await latestSeq(ctx.db, device.clinicId));
  const after = afterTable === '' ? null : { table: afterTable, rowKey: afterKey };
  const rows = await snapshotPage(ctx.db, device.clinicId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: compact ? page.map(compactStamps) : page,
    next: rows.length > limit && last ? { table: last.table, key: JSON.stringify(last.key) } : null,
    cursor,
    serverTime: ctx.now(),
  };
}

export function status(ctx: ServerContext, device: repo.DeviceRow): StatusResponse {
  return {
    clinicId: device.clinicId,
    clinicName: device.clinicName,
    deviceId: device.id,
    deviceName: device.name,
    serverTime: ctx.now(),
    protocol: SYNC_PROTOCOL_VERSION,
  };
}

export async function makeEnrolmentCode(
  db: ServerDb,
  clinicName: string,
  code: string,
  validForMs: number,
): Promise<{ clinicId: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    let clinic = await repo.findClinicByName(trx, clinicName);
    const created = !clinic;
    if (!clinic) {
      await repo.insertClinic(trx, randomUUID(), clinicName);
      clinic = await repo.findClinicByName(trx, clinicName);
      if (!clinic) throw new Error('the clinic was not created');
    }
    await repo.insertEnrolmentCode(trx, sha256(normaliseCode(code)), clinic.id, new Date(Date.now() + validForMs));
    await repo.audit(trx, { clinicId: clinic.id, deviceId: null, action: 'enrol-code.created', detail: { created } });
    return { clinicId: clinic.id, created };
  });
}

function malformed(error: z.ZodError): SyncError {
  const issue = error.issues[0];
  return new SyncError(
    'MALFORMED',
    issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed request',
  );
}
