import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { StockItem, StockLocation, StockLocationKind, Supplier } from '../../../src-shared/stock/model';
import { normaliseGtin } from '../../../src-shared/stock/gs1';
import type { ReadDb, WriteDb } from '../db/handles';
import type { StockItemRow, StockSupplierRow } from '../db/schema-stock';
import { findTax } from '../billing/setup-repository';
import { newId } from '../ids';
import {
  clinicLocationExists,
  findItem,
  findStockLocation,
  findSupplier,
  insertItem,
  insertStockLocation,
  insertSupplier,
  itemByCode,
  itemByGtin,
  listStockLocations,
  listSuppliers,
  setNearExpiryDays,
  setSupplierItems,
  supplierItems,
  updateItem,
  updateStockLocation,
  updateSupplier,
} from './setup-repository';

/** The stock set-up: items, suppliers and what they supply, stock locations, the near-expiry window. */

export function toItem(row: StockItemRow): StockItem {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    gtin: row.gtin,
    category: row.category,
    dispensingUnit: row.dispensing_unit,
    packSize: row.pack_size,
    unitCostMinor: row.unit_cost_minor,
    billable: row.billable === 1,
    sellingPriceMinor: row.selling_price_minor,
    taxId: row.tax_id,
    reorderLevel: row.reorder_level,
    reorderQuantity: row.reorder_quantity,
    maximumLevel: row.maximum_level,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

/** An item as the set-up form saves it: a new one has no id yet. */
export type ItemInput = Omit<StockItem, 'id' | 'updatedAt'> & { id?: string | undefined };

export async function requireItem(db: ReadDb, id: string, field = 'itemId'): Promise<StockItemRow> {
  const item = await findItem(db, id);
  if (!item) throw new ApiError('NOT_FOUND', 'There is no such stock item.', { fields: { [field]: 'no such item' } });
  return item;
}

export async function saveItem(db: WriteDb, input: ItemInput, now: number): Promise<string> {
  const gtin = input.gtin ? normaliseGtin(input.gtin) : null;
  if (input.gtin && !gtin) throw fieldError('gtin', 'is not a GTIN: 8, 12, 13 or 14 digits with a valid check digit');
  if (input.billable && input.sellingPriceMinor === null)
    throw fieldError('sellingPriceMinor', 'a billable item needs a selling price');
  if (input.taxId && !(await findTax(db, input.taxId))) throw fieldError('taxId', 'no such tax');
  if (input.maximumLevel !== null && input.maximumLevel < input.reorderLevel)
    throw fieldError('maximumLevel', 'must not be below the reorder level');
  const sameCode = await itemByCode(db, input.code);
  if (sameCode && sameCode.id !== input.id) throw fieldError('code', `is already used by ${sameCode.name}`);
  if (gtin) {
    const sameGtin = await itemByGtin(db, gtin);
    if (sameGtin && sameGtin.id !== input.id) throw fieldError('gtin', `is already ${sameGtin.name}’s barcode`);
  }
  const fields = {
    name: input.name,
    code: input.code,
    gtin,
    category: input.category,
    dispensing_unit: input.dispensingUnit,
    pack_size: input.packSize,
    unit_cost_minor: input.unitCostMinor,
    billable: input.billable ? 1 : 0,
    selling_price_minor: input.sellingPriceMinor,
    tax_id: input.taxId,
    reorder_level: input.reorderLevel,
    reorder_quantity: input.reorderQuantity,
    maximum_level: input.maximumLevel,
    active: input.active ? 1 : 0,
    updated_at: now,
  };
  if (input.id) {
    await requireItem(db, input.id, 'id');
    await updateItem(db, input.id, fields);
    return input.id;
  }
  const id = newId();
  await insertItem(db, { id, ...fields, created_at: now, deleted_at: null });
  return id;
}

export interface SupplierInput {
  id?: string | undefined;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  leadTimeDays: number;
  active: boolean;
  itemIds: string[];
}

function toSupplier(row: StockSupplierRow, itemIds: string[]): Supplier {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    leadTimeDays: row.lead_time_days,
    active: row.active === 1,
    itemIds,
  };
}

export async function saveSupplier(db: WriteDb, input: SupplierInput, now: number): Promise<string> {
  for (const [index, itemId] of input.itemIds.entries()) {
    if (!(await findItem(db, itemId))) throw fieldError(`itemIds.${index}`, 'no such item');
  }
  const same = (await listSuppliers(db)).find((s) => s.name.toLowerCase() === input.name.toLowerCase());
  if (same && same.id !== input.id) throw fieldError('name', 'another supplier has this name');
  const fields = {
    name: input.name,
    contact: input.contact,
    phone: input.phone,
    email: input.email,
    lead_time_days: input.leadTimeDays,
    active: input.active ? 1 : 0,
    updated_at: now,
  };
  let id = input.id;
  if (id) {
    if (!(await findSupplier(db, id))) throw fieldError('id', 'no such supplier');
    await updateSupplier(db, id, fields);
  } else {
    id = newId();
    await insertSupplier(db, { id, ...fields, created_at: now, deleted_at: null });
  }
  await setSupplierItems(db, id, [...new Set(input.itemIds)], now);
  return id;
}

export async function suppliers(db: ReadDb): Promise<Supplier[]> {
  const links = await supplierItems(db);
  return (await listSuppliers(db)).map((row) =>
    toSupplier(
      row,
      links.filter((link) => link.supplier_id === row.id).map((link) => link.item_id),
    ),
  );
}

export interface StockLocationInput {
  id?: string | undefined;
  locationId: string;
  name: string;
  kind: StockLocationKind;
  active: boolean;
}

export async function saveStockLocation(db: WriteDb, input: StockLocationInput, now: number): Promise<string> {
  if (!(await clinicLocationExists(db, input.locationId))) throw fieldError('locationId', 'no such clinic location');
  const same = (await listStockLocations(db)).find(
    (s) => s.location_id === input.locationId && s.name.toLowerCase() === input.name.toLowerCase(),
  );
  if (same && same.id !== input.id) throw fieldError('name', 'this location already has a stock place of this name');
  const fields = { location_id: input.locationId, name: input.name, kind: input.kind, active: input.active ? 1 : 0 };
  if (input.id) {
    if (!(await findStockLocation(db, input.id))) throw fieldError('id', 'no such stock location');
    await updateStockLocation(db, input.id, { ...fields, updated_at: now });
    return input.id;
  }
  const id = newId();
  await insertStockLocation(db, { id, ...fields, created_at: now, updated_at: now, deleted_at: null });
  return id;
}

export async function stockLocations(db: ReadDb): Promise<StockLocation[]> {
  return (await listStockLocations(db)).map((row) => ({
    id: row.id,
    locationId: row.location_id,
    locationName: row.location_name,
    name: row.name,
    kind: row.kind,
    active: row.active === 1,
  }));
}

export async function requireStockLocation(db: ReadDb, id: string, field = 'stockLocationId') {
  const place = await findStockLocation(db, id);
  if (!place) throw fieldError(field, 'no such stock location');
  if (place.active !== 1) throw fieldError(field, `${place.name} is no longer in use`);
  return place;
}

export async function setNearExpiryWindow(db: WriteDb, days: number, now: number): Promise<void> {
  await setNearExpiryDays(db, days, now);
}
