import { type z } from 'zod';
import {
  devicesQuerySchema,
  enrolCodeRequestSchema,
  renameRequestSchema,
  revokeRequestSchema,
  type DevicesResponse,
  type EnrolCodeResponse,
  type RenameResponse,
  type RevokeResponse,
} from '../../src-shared/sync/protocol';
import * as repo from '../db/repository';
import { newEnrolmentCode, normaliseCode, sha256 } from './credentials';
import { SyncError } from './errors';
import { isVisible } from './merge';
import type { ServerContext } from './service';
import { storable } from './validate';

/**
 * What a desk's administrator asks of the server about the clinic's devices: the list, a one-time
 * enrolment code for another desk, revoking one. The desk checks the permission on its side; the
 * server checks it again against the clinic's synced users, roles and permissions, since it trusts no
 * desk: the named user must be active and their role must hold `users:manage`. Every refusal is audited.
 */
export const ADMIN_PERMISSION = 'users:manage';

async function requireAdmin(
  ctx: ServerContext,
  device: repo.DeviceRow,
  userId: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  if (!storable(userId)) throw new SyncError('MALFORMED', 'userId: holds a NUL character or broken Unicode');
  const user = await repo.getRow(ctx.db, device.clinicId, 'users', JSON.stringify([userId]));
  const roleId = user?.values.role_id;
  const active = user && isVisible(user) && (user.values.disabled_at ?? null) === null;
  const grant =
    typeof roleId === 'string'
      ? await repo.getRow(ctx.db, device.clinicId, 'role_permissions', JSON.stringify([roleId, ADMIN_PERMISSION]))
      : null;
  if (active && grant && isVisible(grant)) return;
  await refuse(ctx, device, action, { why: 'no permission', userId, ...detail });
  throw new SyncError('FORBIDDEN', 'Only an active user allowed to manage users may manage the devices');
}

function refuse(ctx: ServerContext, device: repo.DeviceRow, action: string, detail: Record<string, unknown>) {
  return repo.audit(ctx.db, { clinicId: device.clinicId, deviceId: device.id, action, detail });
}

function malformed(error: z.ZodError): SyncError {
  const issue = error.issues[0];
  return new SyncError('MALFORMED', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed');
}

/** The devices of the asking device's clinic only, oldest enrolment first. */
export async function listDevicesFromDesk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
): Promise<DevicesResponse> {
  const parsed = devicesQuerySchema.safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  await requireAdmin(ctx, device, parsed.data.userId, 'devices.refused', {});
  const devices = await repo.listClinicDevices(ctx.db, device.clinicId);
  return {
    clinicName: device.clinicName,
    devices: devices.map((d) => ({
      id: d.id,
      name: d.name,
      deskCode: d.deskCode,
      enrolledAt: d.enrolledAt.getTime(),
      lastSeenAt: d.lastSeenAt?.getTime() ?? null,
      revokedAt: d.revokedAt?.getTime() ?? null,
    })),
  };
}

/** A one-time code for the asking device's own clinic; the code is answered once, the server keeps its hash. */
export async function enrolCodeFromDesk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  body: unknown,
): Promise<EnrolCodeResponse> {
  const parsed = enrolCodeRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const { userId, hours } = parsed.data;
  await requireAdmin(ctx, device, userId, 'enrol-code.refused', {});
  const code = newEnrolmentCode();
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEnrolmentCode(trx, sha256(normaliseCode(code)), device.clinicId, expiresAt);
    await repo.audit(trx, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'enrol-code.created',
      detail: { by: 'desk', userId, hours },
    });
  });
  return { code, clinicName: device.clinicName, expiresAt: expiresAt.getTime() };
}

/** The device of the same clinic the request names, or a refusal (audited) naming why not. */
async function sameClinicDevice(
  ctx: ServerContext,
  device: repo.DeviceRow,
  deviceId: string,
  action: string,
  userId: string,
): Promise<repo.DeviceRow> {
  const target = await repo.findDevice(ctx.db, deviceId);
  if (target && target.clinicId === device.clinicId) return target;
  await refuse(ctx, device, action, { why: target ? 'another clinic' : 'unknown device', target: deviceId, userId });
  throw target
    ? new SyncError('FORBIDDEN', 'This device belongs to another clinic')
    : new SyncError('NOT_FOUND', 'No such device');
}

/** A desk's administrator names a device of the same clinic (this desk included) as people know it. */
export async function renameFromDesk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  body: unknown,
): Promise<RenameResponse> {
  const parsed = renameRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const { deviceId, userId, name } = parsed.data;
  if (!storable(name)) throw new SyncError('MALFORMED', 'name: holds a NUL character or broken Unicode');
  const target = await sameClinicDevice(ctx, device, deviceId, 'rename.refused', userId);
  await requireAdmin(ctx, device, userId, 'rename.refused', { target: deviceId });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.renameDevice(trx, deviceId, name);
    await repo.audit(trx, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'device.renamed',
      detail: { target: deviceId, userId, from: target.name, to: name },
    });
  });
  return { deviceId, name };
}

/** A desk's administrator retires a device of the same clinic (this desk too, if they choose). */
export async function revokeFromDesk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  body: unknown,
): Promise<RevokeResponse> {
  const parsed = revokeRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const { deviceId, userId } = parsed.data;
  const target = await repo.findDevice(ctx.db, deviceId);
  if (!target || target.clinicId !== device.clinicId) {
    await refuse(ctx, device, 'revoke.refused', {
      why: target ? 'another clinic' : 'unknown device',
      target: deviceId,
      userId,
    });
    throw target
      ? new SyncError('FORBIDDEN', 'This device belongs to another clinic')
      : new SyncError('NOT_FOUND', 'No such device');
  }
  await requireAdmin(ctx, device, userId, 'revoke.refused', { target: deviceId });
  const revoked = await repo.revokeDevice(ctx.db, deviceId);
  await repo.audit(ctx.db, {
    clinicId: device.clinicId,
    deviceId: device.id,
    action: 'device.revoked',
    detail: { target: deviceId, userId, revoked },
  });
  return { deviceId, revoked };
}
