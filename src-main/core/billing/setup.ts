import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type {
  BillingSettings,
  BillingSetup,
  DeskView,
  FeeScheduleView,
  PaymentMethodView,
  ServiceView,
  TaxView,
  TypeServicesView,
} from '../../../src-shared/billing/model';
import type { PaymentMethodKind } from '../../../src-shared/billing/reason-codes';
import type { TaxRounding } from '../../../src-shared/billing/tax';
import { seriesPrefixFits } from '../../../src-shared/sync/desk-code';
import type { Database } from '../db/schema';
import type { FeeScheduleRow, PaymentMethodRow, ServiceRow, TaxRow } from '../db/schema-billing';
import { newId } from '../ids';
import type { BillingContext } from './context';
import { formatNumber } from './issue';
import * as repo from './setup-repository';
import type { ReadDb } from '../db/handles';

/** The billing set-up: settings, this desk's series, taxes, services, fee schedules, type services, payment methods. */

type Db = Kysely<Database>;

export const toTax = (row: TaxRow): TaxView => ({
  id: row.id,
  name: row.name,
  ratePpm: row.rate_ppm,
  inclusive: row.inclusive === 1,
  active: row.active === 1,
});

export const toService = (row: ServiceRow): ServiceView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  defaultPriceMinor: row.default_price_minor,
  taxId: row.tax_id,
  active: row.active === 1,
});

export const toMethod = (row: PaymentMethodRow): PaymentMethodView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  active: row.active === 1,
});

export async function deskView(db: ReadDb, context: BillingContext): Promise<DeskView> {
  const next = await repo.peekSeries(db, context.desk.series_prefix);
  return {
    deskId: context.desk.desk_id,
    name: context.desk.name,
    seriesPrefix: context.desk.series_prefix,
    nextNumber: formatNumber(context.desk.series_prefix, next, context.settings.number_digits),
  };
}

export async function billingSettings(db: ReadDb, context: BillingContext): Promise<BillingSettings> {
  const s = context.settings;
  return {
    clinicName: context.clinicName,
    clinicAddress: s.clinic_address,
    taxNumber: s.tax_number,
    money: context.money,
    taxRounding: s.tax_rounding,
    lockDate: s.lock_date,
    paymentTermsDays: s.payment_terms_days,
    numberDigits: s.number_digits,
    desk: await deskView(db, context),
    updatedAt: s.updated_at,
  };
}

export async function billingSetup(db: ReadDb, context: BillingContext): Promise<BillingSetup> {
  const prices = await repo.listPrices(db);
  const typeRows = await repo.listTypeServices(db);
  const types = new Map<string, TypeServicesView>();
  for (const row of typeRows) {
    const view = types.get(row.type_id) ?? { typeId: row.type_id, typeName: row.type_name, services: [] };
    if (row.service_id) view.services.push({ serviceId: row.service_id, quantity: row.quantity ?? 1 });
    types.set(row.type_id, view);
  }
  return {
    settings: await billingSettings(db, context),
    taxes: (await repo.listTaxes(db)).map(toTax),
    services: (await repo.listServices(db)).map(toService),
    schedules: (await repo.listSchedules(db)).map((row) => toSchedule(row, prices)),
    typeServices: [...types.values()],
    methods: (await repo.listMethods(db)).map(toMethod),
  };
}

function toSchedule(
  row: FeeScheduleRow,
  prices: { schedule_id: string; service_id: string; price_minor: number }[],
): FeeScheduleView {
  return {
    id: row.id,
    name: row.name,
    payer: row.payer,
    active: row.active === 1,
    prices: Object.fromEntries(
      prices.filter((p) => p.schedule_id === row.id).map((p) => [p.service_id, p.price_minor]),
    ),
  };
}

export interface SettingsChanges {
  clinicAddress?: string | null | undefined;
  taxNumber?: string | null | undefined;
  locale?: string | undefined;
  taxRounding?: TaxRounding | undefined;
  lockDate?: string | null | undefined;
  paymentTermsDays?: number | undefined;
  numberDigits?: number | undefined;
}

export async function updateSettings(db: Db, context: BillingContext, changes: SettingsChanges): Promise<void> {
  if (changes.lockDate && changes.lockDate > context.today) throw fieldError('lockDate', 'must not be after today');
  await repo.updateBillingSettings(
    db,
    {
      ...(changes.clinicAddress !== undefined && { clinic_address: changes.clinicAddress }),
      ...(changes.taxNumber !== undefined && { tax_number: changes.taxNumber }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
      ...(changes.taxRounding !== undefined && { tax_rounding: changes.taxRounding }),
      ...(changes.lockDate !== undefined && { lock_date: changes.lockDate }),
      ...(changes.paymentTermsDays !== undefined && { payment_terms_days: changes.paymentTermsDays }),
      ...(changes.numberDigits !== undefined && { number_digits: changes.numberDigits }),
    },
    context.now,
  );
}

/**
 * This desk's name and invoice series prefix. Two desks must never share a prefix: one used by
 * another desk's invoices (known here once synced) is refused, and an enrolled desk's prefix is its
 * desk code, optionally followed by digits (desk-code.ts), which no other desk can hold.
 */
export async function updateDesk(
  db: Db,
  context: BillingContext,
  input: { name?: string | undefined; seriesPrefix?: string | undefined },
): Promise<void> {
  const deskCode = await repo.readDeskCode(db);
  if (input.seriesPrefix && deskCode && !seriesPrefixFits(input.seriesPrefix, deskCode))
    throw fieldError(
      'seriesPrefix',
      `must be this desk’s code ${deskCode}, optionally followed by digits (${deskCode}2)`,
    );
  if (input.seriesPrefix && (await repo.prefixUsedByAnotherDesk(db, input.seriesPrefix, context.desk.desk_id)))
    throw fieldError('seriesPrefix', 'is used by another desk’s invoices: choose another');
  await repo.updateDesk(
    db,
    {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.seriesPrefix !== undefined && { series_prefix: input.seriesPrefix }),
    },
    context.now,
  );
}

export interface TaxInput {
  name: string;
  ratePpm: number;
  inclusive: boolean;
  active?: boolean | undefined;
}

export async function saveTax(db: Db, id: string | null, input: TaxInput, now: number): Promise<string> {
  if (await repo.nameTaken(db, 'taxes', input.name, id)) throw fieldError('name', 'is already the name of a tax');
  const values = {
    name: input.name,
    rate_ppm: input.ratePpm,
    inclusive: input.inclusive ? 1 : 0,
    active: input.active === false ? 0 : 1,
  };
  if (id === null) {
    const created = newId();
    await repo.insertTax(db, { id: created, ...values, created_at: now, updated_at: now });
    return created;
  }
  if (!(await repo.findTax(db, id))) throw fieldError('taxId', 'no such tax');
  await repo.updateTax(db, id, values, now);
  return id;
}

export interface ServiceInput {
  code: string;
  name: string;
  defaultPriceMinor: number;
  taxId: string | null;
  active?: boolean | undefined;
}

export async function saveService(db: Db, id: string | null, input: ServiceInput, now: number): Promise<string> {
  if (await repo.serviceCodeTaken(db, input.code, id)) throw fieldError('code', 'is already the code of a service');
  if (input.taxId && !(await repo.findTax(db, input.taxId))) throw fieldError('taxId', 'no such tax');
  const values = {
    code: input.code,
    name: input.name,
    default_price_minor: input.defaultPriceMinor,
    tax_id: input.taxId,
    active: input.active === false ? 0 : 1,
  };
  if (id === null) {
    const created = newId();
    await repo.insertService(db, { id: created, ...values, created_at: now, updated_at: now });
    return created;
  }
  if (!(await repo.findService(db, id))) throw fieldError('serviceId', 'no such service');
  await repo.updateService(db, id, values, now);
  return id;
}

export interface ScheduleInput {
  name: string;
  payer: string | null;
  active?: boolean | undefined;
  /** Service id → price; null removes the service's price (it falls back to the default). */
  prices?: Record<string, number | null> | undefined;
}

export async function saveSchedule(db: Db, id: string | null, input: ScheduleInput, now: number): Promise<string> {
  if (await repo.nameTaken(db, 'fee_schedules', input.name, id))
    throw fieldError('name', 'is already the name of a fee schedule');
  const same = await repo.scheduleForPayer(db, input.payer);
  if (same && same.id !== id && input.active !== false)
    throw fieldError(
      'payer',
      input.payer ? `${same.name} already prices ${input.payer}` : `${same.name} is already the self-pay schedule`,
    );
  const values = { name: input.name, payer: input.payer, active: input.active === false ? 0 : 1 };
  let scheduleId = id;
  if (scheduleId === null) {
    scheduleId = newId();
    await repo.insertSchedule(db, { id: scheduleId, ...values, created_at: now, updated_at: now });
  } else {
    if (!(await repo.findSchedule(db, scheduleId))) throw fieldError('scheduleId', 'no such fee schedule');
    await repo.updateSchedule(db, scheduleId, values, now);
  }
  for (const [serviceId, price] of Object.entries(input.prices ?? {})) {
    if (!(await repo.findService(db, serviceId))) throw fieldError(`prices.${serviceId}`, 'no such service');
    await repo.setPrice(db, scheduleId, serviceId, price, now);
  }
  return scheduleId;
}

export async function setTypeServices(
  db: Db,
  input: { typeId: string; services: { serviceId: string; quantity: number }[] },
  now: number,
): Promise<void> {
  if (!(await repo.typeExists(db, input.typeId))) throw fieldError('typeId', 'no such appointment type');
  const seen = new Set<string>();
  for (const [index, service] of input.services.entries()) {
    if (!(await repo.findService(db, service.serviceId)))
      throw fieldError(`services.${index}.serviceId`, 'no such service');
    if (seen.has(service.serviceId)) throw fieldError(`services.${index}.serviceId`, 'is listed twice');
    seen.add(service.serviceId);
  }
  await repo.replaceTypeServices(db, input.typeId, input.services, now);
}

export async function saveMethod(
  db: Db,
  id: string | null,
  input: { name: string; kind: PaymentMethodKind; active?: boolean | undefined },
  now: number,
): Promise<string> {
  if (await repo.nameTaken(db, 'payment_methods', input.name, id))
    throw fieldError('name', 'is already the name of a payment method');
  if (id === null) {
    const created = newId();
    const position = (await repo.listMethods(db)).length;
    await repo.insertMethod(db, {
      id: created,
      name: input.name,
      kind: input.kind,
      active: input.active === false ? 0 : 1,
      position,
      created_at: now,
      updated_at: now,
    });
    return created;
  }
  const method = await repo.findMethod(db, id);
  if (!method) throw fieldError('methodId', 'no such payment method');
  if (method.kind !== input.kind)
    throw new ApiError('CONFLICT', 'A payment method keeps its kind: add a new method instead.', {
      fields: { kind: 'cannot change' },
    });
  await repo.updateMethod(db, id, { name: input.name, active: input.active === false ? 0 : 1 }, now);
  return id;
}
