import type { Input } from '../../src-shared/api/contract';
import type { ApiErrorData, Result } from '../../src-shared/api/errors';
import { NURSE, signInNurse } from './scheduling-clinic';
import { openBillingClinic, type BillingClinic } from './billing-clinic';

/**
 * A clinic with a stock room, on top of the billing clinic (Monday 2026-11-23 08:00, Europe/London,
 * a receptionist as 'desk', a manager as 'manager', the administrator as 'admin') plus a nurse as
 * 'nurse'. Stock places: "Stock room" and "Fridge" at the main location. A supplier "MedSupply".
 * Items: FLU (flu vaccine, dose, billable at £15.00, GTIN 09506000134352, reorder level 10) and GAUZE
 * (gauze swabs, not billable, reorder level 20, reorder quantity 50).
 */
export interface StockClinic extends BillingClinic {
  storeId: string;
  fridgeId: string;
  supplierId: string;
  fluId: string;
  gauzeId: string;
  /** Receives stock as the manager; answers the lot id. */
  receive(
    input: Partial<Input<'stock.receive'>> & Pick<Input<'stock.receive'>, 'itemId' | 'lotNumber' | 'quantity'>,
  ): Promise<string>;
  /** A raw balance: the sum of the lot's movements at the place. */
  balance(lotId: string, stockLocationId: string): Promise<number>;
}

export const FLU_GTIN = '09506000134352';

export async function openStockClinic(): Promise<StockClinic> {
  const b = await openBillingClinic();
  const { clinic } = b;
  await signInNurse(clinic);
  const store = await clinic.ok('manager', 'stockroom.saveLocation', {
    locationId: b.mainId,
    name: 'Stock room',
    kind: 'store',
    active: true,
  });
  const fridge = await clinic.ok('manager', 'stockroom.saveLocation', {
    locationId: b.mainId,
    name: 'Fridge',
    kind: 'fridge',
    active: true,
  });
  const item = {
    category: null,
    packSize: 1,
    unitCostMinor: 500,
    taxId: null,
    maximumLevel: null,
    active: true,
  };
  const flu = await clinic.ok('manager', 'stockroom.saveItem', {
    ...item,
    name: 'Flu vaccine',
    code: 'FLU',
    gtin: FLU_GTIN,
    dispensingUnit: 'dose',
    billable: true,
    sellingPriceMinor: 1500,
    reorderLevel: 10,
    reorderQuantity: 20,
  });
  const gauze = await clinic.ok('manager', 'stockroom.saveItem', {
    ...item,
    name: 'Gauze swabs',
    code: 'GAUZE',
    gtin: null,
    dispensingUnit: 'pack',
    packSize: 10,
    unitCostMinor: 120,
    billable: false,
    sellingPriceMinor: null,
    reorderLevel: 20,
    reorderQuantity: 50,
  });
  const supplier = await clinic.ok('manager', 'stockroom.saveSupplier', {
    name: 'MedSupply',
    contact: 'Sam Supplier',
    phone: null,
    email: 'orders@medsupply.example',
    leadTimeDays: 3,
    active: true,
    itemIds: [flu.id, gauze.id],
  });
  const receive: StockClinic['receive'] = async (input) => {
    const done = await clinic.ok('manager', 'stock.receive', {
      stockLocationId: store.id,
      expiryOn: '2027-06-30',
      ...input,
    });
    return done.lotId;
  };
  const balance = async (lotId: string, stockLocationId: string) => {
    const row = clinic.core.database.handle
      .prepare('SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements WHERE lot_id = ? AND stock_location_id = ?')
      .get(lotId, stockLocationId) as { q: number };
    return row.q;
  };
  return {
    ...b,
    storeId: store.id,
    fridgeId: fridge.id,
    supplierId: supplier.id,
    fluId: flu.id,
    gauzeId: gauze.id,
    receive,
    balance,
  };
}

/** A swab item numbered `n` ("Swab 007", code SW7) at `unitCostMinor` a unit, no reorder level: a stock room's filler. */
export function swabItem(n: number, unitCostMinor: number) {
  return {
    name: `Swab ${String(n).padStart(3, '0')}`,
    code: `SW${n}`,
    gtin: null,
    category: null,
    dispensingUnit: 'swab',
    packSize: 1,
    unitCostMinor,
    billable: false,
    sellingPriceMinor: null,
    taxId: null,
    reorderLevel: 0,
    reorderQuantity: 0,
    maximumLevel: null,
    active: true,
  };
}

/** The refusal of a failed call (the test fails when it succeeded). */
export function refusal<T>(result: Result<T>): ApiErrorData {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result.error;
}

export { NURSE };
