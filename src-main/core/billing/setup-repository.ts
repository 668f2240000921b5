import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type {
  BillingDeskTable,
  BillingSettingsRow,
  FeeScheduleRow,
  PaymentMethodRow,
  ServiceRow,
  TaxRow,
} from '../db/schema-billing';
import type { ReadDb } from '../db/handles';
import { preparedRead, preparedWrite } from '../db/prepared';

/** SQL of the billing set-up: settings, this desk and its series, taxes, services, fee schedules, type services, methods. */

type Db = Kysely<Database>;

export async function readBillingSettings(db: Db): Promise<BillingSettingsRow> {
  return db.selectFrom('billing_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateBillingSettings(
  db: Db,
  changes: Partial<Omit<BillingSettingsRow, 'id' | 'created_at' | 'updated_at'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('billing_settings')
    .set({ ...changes, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

/** The clinic's name, zone, currency, date and time formats, the billing settings and this desk, in one read. */
const billingFrameRow = preparedRead((db) =>
  db
    .selectFrom('clinic_settings as c')
    .innerJoin('billing_settings as s', 's.id', 'c.id')
    .innerJoin('billing_desk as d', 'd.id', 'c.id')
    .selectAll('s')
    .select([
      'c.clinic_name',
      'c.time_zone',
      'c.currency',
      'c.date_format',
      'c.time_format',
      'd.desk_id',
      'd.name as desk_name',
      'd.series_prefix',
      'd.created_at as desk_created_at',
      'd.updated_at as desk_updated_at',
    ])
    .where('c.id', '=', 1),
);

export async function readBillingFrame(db: ReadDb) {
  const [row] = await billingFrameRow(db, {});
  if (!row) return undefined;
  const {
    clinic_name,
    time_zone,
    currency,
    date_format,
    time_format,
    desk_id,
    desk_name,
    series_prefix,
    desk_created_at,
    desk_updated_at,
    ...settings
  } = row;
  return {
    clinic: {
      clinicName: clinic_name,
      timeZone: time_zone,
      currency,
      dateFormat: date_format,
      timeFormat: time_format,
    },
    settings,
    desk: {
      id: 1,
      desk_id,
      name: desk_name,
      series_prefix,
      created_at: desk_created_at,
      updated_at: desk_updated_at,
    } satisfies BillingDeskTable,
  };
}

export async function readDesk(db: Db): Promise<BillingDeskTable> {
  return db.selectFrom('billing_desk').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateDesk(
  db: Db,
  changes: { name?: string; series_prefix?: string },
  now: number,
): Promise<void> {
  await db
    .updateTable('billing_desk')
    .set({ ...changes, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

/** True when an invoice of another desk carries this prefix (seen here once synced). */
export async function prefixUsedByAnotherDesk(db: Db, prefix: string, deskId: string): Promise<boolean> {
  const row = await db
    .selectFrom('invoices')
    .select('id')
    .where('series_prefix', '=', prefix)
    .where('desk_id', '!=', deskId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The code the sync server gave this desk (null: never enrolled; any prefix will do). */
export async function readDeskCode(db: ReadDb): Promise<string | null> {
  const row = await db.selectFrom('sync_state').select('desk_code').where('id', '=', 1).executeTakeFirst();
  return row?.desk_code ?? null;
}

export async function peekSeries(db: ReadDb, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('invoice_series')
    .select('next_number')
    .where('prefix', '=', prefix)
    .executeTakeFirst();
  return row?.next_number ?? 1;
}

/** Takes the series' next number and moves the counter on, in the caller's transaction. */
const nextSeriesNumber = preparedWrite((db, v: { prefix: string; now: number }) =>
  db
    .insertInto('invoice_series')
    .values({ prefix: v.prefix, next_number: 2, created_at: v.now, updated_at: v.now })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ next_number: sql`next_number + 1`, updated_at: v.now }))
    .returning('next_number'),
);

export async function takeSeriesNumber(db: Db, prefix: string, now: number): Promise<number> {
  const [row] = await nextSeriesNumber(db, { prefix, now });
  if (!row) throw new Error('an upsert with RETURNING always answers its row');
  return row.next_number - 1;
}

// ---- taxes ---------------------------------------------------------------------------------------

export function listTaxes(db: ReadDb): Promise<TaxRow[]> {
  return db.selectFrom('taxes').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

export function findTax(db: Db, id: string): Promise<TaxRow | undefined> {
  return db.selectFrom('taxes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertTax(
  db: Db,
  row: Omit<TaxRow, 'active' | 'deleted_at'> & { active: number },
): Promise<void> {
  await db.insertInto('taxes').values(row).execute();
}

export async function updateTax(db: Db, id: string, changes: Partial<TaxRow>, now: number): Promise<void> {
  await db
    .updateTable('taxes')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function nameTaken(
  db: Db,
  table: 'taxes' | 'fee_schedules' | 'payment_methods',
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom(table)
    .select('id')
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

// ---- services ------------------------------------------------------------------------------------

export function listServices(db: ReadDb): Promise<ServiceRow[]> {
  return db.selectFrom('services').selectAll().where('deleted_at', 'is', null).orderBy('code').execute();
}

export function findService(db: Db, id: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('services').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function serviceCodeTaken(db: Db, code: string, exceptId: string | null): Promise<boolean> {
  let query = db
    .selectFrom('services')
    .select('id')
    .where(sql<boolean>`code = ${code} COLLATE NOCASE`)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertService(db: Db, row: Omit<ServiceRow, 'deleted_at'>): Promise<void> {
  await db.insertInto('services').values(row).execute();
}

export async function updateService(db: Db, id: string, changes: Partial<ServiceRow>, now: number): Promise<void> {
  await db
    .updateTable('services')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

// ---- fee schedules -------------------------------------------------------------------------------

export function listSchedules(db: ReadDb): Promise<FeeScheduleRow[]> {
  return db.selectFrom('fee_schedules').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

export function findSchedule(db: Db, id: string): Promise<FeeScheduleRow | undefined> {
  return db
    .selectFrom('fee_schedules')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The active schedule for a payer (ignoring case), or the self-pay one for null. */
export function scheduleForPayer(db: Db, payer: string | null): Promise<FeeScheduleRow | undefined> {
  return db
    .selectFrom('fee_schedules')
    .selectAll()
    .where(sql<boolean>`lower(coalesce(payer, '')) = lower(${payer ?? ''})`)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertSchedule(db: Db, row: Omit<FeeScheduleRow, 'deleted_at'>): Promise<void> {
  await db.insertInto('fee_schedules').values(row).execute();
}

export async function updateSchedule(db: Db, id: string, changes: Partial<FeeScheduleRow>, now: number): Promise<void> {
  await db
    .updateTable('fee_schedules')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export function listPrices(db: ReadDb) {
  return db.selectFrom('fee_schedule_prices').select(['schedule_id', 'service_id', 'price_minor']).execute();
}

export async function pricesFor(db: Db, scheduleId: string, serviceIds: string[]): Promise<Map<string, number>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('fee_schedule_prices')
    .select(['service_id', 'price_minor'])
    .where('schedule_id', '=', scheduleId)
    .where('service_id', 'in', serviceIds)
    .execute();
  return new Map(rows.map((row) => [row.service_id, row.price_minor]));
}

/** Sets (or with null, removes) a service's price in a schedule. */
export async function setPrice(
  db: Db,
  scheduleId: string,
  serviceId: string,
  priceMinor: number | null,
  now: number,
): Promise<void> {
  if (priceMinor === null) {
    await db
      .deleteFrom('fee_schedule_prices')
      .where('schedule_id', '=', scheduleId)
      .where('service_id', '=', serviceId)
      .execute();
    return;
  }
  await db
    .insertInto('fee_schedule_prices')
    .values({
      schedule_id: scheduleId,
      service_id: serviceId,
      price_minor: priceMinor,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['schedule_id', 'service_id']).doUpdateSet({ price_minor: priceMinor, updated_at: now }),
    )
    .execute();
}

// ---- appointment types' services ------------------------------------------------------------------

export function listTypeServices(db: ReadDb) {
  return db
    .selectFrom('appointment_types as t')
    .leftJoin('appointment_type_services as s', 's.type_id', 't.id')
    .select(['t.id as type_id', 't.name as type_name', 's.service_id', 's.quantity'])
    .where('t.deleted_at', 'is', null)
    .orderBy('t.name')
    .orderBy('s.position')
    .execute();
}

export function servicesOfType(db: Db, typeId: string) {
  return db
    .selectFrom('appointment_type_services as ts')
    .innerJoin('services as s', 's.id', 'ts.service_id')
    .selectAll('s')
    .select('ts.quantity')
    .where('ts.type_id', '=', typeId)
    .where('s.deleted_at', 'is', null)
    .where('s.active', '=', 1)
    .orderBy('ts.position')
    .execute();
}

export async function replaceTypeServices(
  db: Db,
  typeId: string,
  services: { serviceId: string; quantity: number }[],
  now: number,
): Promise<void> {
  await db.deleteFrom('appointment_type_services').where('type_id', '=', typeId).execute();
  if (services.length === 0) return;
  await db
    .insertInto('appointment_type_services')
    .values(
      services.map((service, position) => ({
        type_id: typeId,
        service_id: service.serviceId,
        quantity: service.quantity,
        position,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export function typeExists(db: Db, typeId: string) {
  return db
    .selectFrom('appointment_types')
    .select(['id', 'name'])
    .where('id', '=', typeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

// ---- payment methods ------------------------------------------------------------------------------

export function listMethods(db: ReadDb): Promise<PaymentMethodRow[]> {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

const methodById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('payment_methods').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

export async function findMethod(db: ReadDb, id: string): Promise<PaymentMethodRow | undefined> {
  return (await methodById(db, { id }))[0];
}

export async function insertMethod(db: Db, row: Omit<PaymentMethodRow, 'deleted_at'>): Promise<void> {
  await db.insertInto('payment_methods').values(row).execute();
}

export async function updateMethod(db: Db, id: string, changes: Partial<PaymentMethodRow>, now: number): Promise<void> {
  await db
    .updateTable('payment_methods')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
