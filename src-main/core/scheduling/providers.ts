import type { Kysely } from 'kysely';
import type { ProviderSummary, RemoveResult, StaffMember } from '../../../src-shared/scheduling/model';
import type { UpdateProviderInput } from '../../../src-shared/api/areas/schedule';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { Database, ProviderRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { futureAppointments, isReferenced } from './appointment-repository';
import { activeProviders, requireLocation, requireProvider, toProvider } from './config';
import {
  deactivateProvider,
  deleteProvider,
  findUserForLink,
  insertProvider,
  providerOfUser,
  staffRows,
  updateProviderRow,
} from './provider-repository';

/**
 * Providers: the people appointments are booked with, each optionally linked to a staff account.
 * Nothing a record names is ever deleted: a provider that appointments, series or waitlist entries
 * refer to is deactivated (`deleted_at`), which hides them from lists, booking and next-available
 * while past appointments keep the name. Removal is refused while future live appointments depend on
 * them: they must be moved or cancelled first, by a person, not silently orphaned.
 */

type Db = Kysely<Database>;

/** A staff account a provider may sign in with: it exists, is not disabled, and no other provider has it. */
export async function requireLinkableUser(db: ReadDb, userId: string, providerId?: string): Promise<void> {
  const user = await findUserForLink(db, userId);
  if (!user) throw fieldError('userId', 'no such user');
  if (user.disabled_at !== null) throw fieldError('userId', 'this account is disabled');
  const other = await providerOfUser(db, userId, providerId);
  if (other) throw fieldError('userId', `this account is already ${other.display_name}'s`);
}

/** Active staff accounts and the provider each is linked to. */
export async function listStaff(db: ReadDb): Promise<StaffMember[]> {
  const rows = await staffRows(db);
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    providerId: row.provider_id,
  }));
}

export async function createProvider(
  db: Db,
  input: {
    displayName: string;
    userId: string | null;
    specialty: string | null;
    colour: string;
    defaultLocationId: string | null;
  },
  now: number,
): Promise<ProviderSummary> {
  if (input.userId) await requireLinkableUser(db, input.userId);
  if (input.defaultLocationId) await requireLocation(db, input.defaultLocationId, 'defaultLocationId');
  const row: ProviderRow = {
    id: newId(),
    user_id: input.userId,
    display_name: input.displayName,
    specialty: input.specialty,
    colour: input.colour,
    default_location_id: input.defaultLocationId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertProvider(db, row);
  return toProvider(row);
}

export async function listProviders(db: ReadDb): Promise<ProviderSummary[]> {
  return (await activeProviders(db)).map(toProvider);
}

export async function updateProvider(db: Db, input: UpdateProviderInput, now: number): Promise<ProviderSummary> {
  const before = await requireProvider(db, input.providerId);
  if (input.defaultLocationId) await requireLocation(db, input.defaultLocationId, 'defaultLocationId');
  if (input.userId) await requireLinkableUser(db, input.userId, before.id);
  await updateProviderRow(db, before.id, {
    ...(input.displayName !== undefined && { display_name: input.displayName }),
    ...(input.specialty !== undefined && { specialty: input.specialty }),
    ...(input.colour !== undefined && { colour: input.colour }),
    ...(input.defaultLocationId !== undefined && { default_location_id: input.defaultLocationId }),
    ...(input.userId !== undefined && { user_id: input.userId }),
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return toProvider(await requireProvider(db, before.id));
}

export async function removeProvider(db: Db, providerId: string, now: number): Promise<RemoveResult> {
  const provider = await requireProvider(db, providerId);
  const future = await futureAppointments(db, 'provider_id', provider.id, now);
  if (future > 0) {
    throw new ApiError(
      'CONFLICT',
      `${provider.display_name} still has ${future} upcoming appointment${future === 1 ? '' : 's'}: move or cancel them first.`,
      { upcoming: future },
    );
  }
  if (await isReferenced(db, 'provider_id', provider.id)) {
    await deactivateProvider(db, provider.id, now, Math.max(now, provider.updated_at + 1));
    return {
      outcome: 'deactivated',
      message: `${provider.display_name} is deactivated: past appointments keep the name; no new bookings.`,
    };
  }
  await deleteProvider(db, provider.id);
  return { outcome: 'deleted', message: `${provider.display_name} is deleted (no appointment referred to them).` };
}
