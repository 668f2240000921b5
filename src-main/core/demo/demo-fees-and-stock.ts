import type { Input, Output, ProcedureName } from '../../../src-shared/api/contract';
import { addDays } from '../../../src-shared/scheduling/time';
import type { SchedulingConfig } from '../scheduling/seed';

/** Calls a procedure as the demo's signed-in administrator (demo-clinic.ts). */
export type DemoInvoke = <N extends ProcedureName>(name: N, input: Input<N>) => Promise<Output<N>>;

/** A fee for each of the seeded appointment types, in the order of `TYPES` (scheduling/seed.ts). */
const TYPE_SERVICES = [
  { code: 'CONS-S', name: 'Short consultation', defaultPriceMinor: 4500 },
  { code: 'CONS', name: 'Consultation', defaultPriceMinor: 8500 },
  { code: 'CONS-L', name: 'Long consultation', defaultPriceMinor: 12000 },
  { code: 'PROC', name: 'Minor procedure', defaultPriceMinor: 18000 },
] as const;

/** Fees a check-out adds by hand, beside a type's own. */
const OTHER_SERVICES = [
  { code: 'DRESS', name: 'Dressing', defaultPriceMinor: 2500 },
  { code: 'INJ', name: 'Injection given', defaultPriceMinor: 1500 },
] as const;

const ITEM_DEFAULTS = { category: null, taxId: null, maximumLevel: null, active: true } as const;

/** What the nurse dispenses: some billable (they land on the invoice), some not. */
const ITEMS = [
  {
    name: 'Paracetamol 500 mg tablets',
    code: 'PARA500',
    gtin: null,
    dispensingUnit: 'tablet',
    packSize: 100,
    unitCostMinor: 3,
    billable: false,
    sellingPriceMinor: null,
    reorderLevel: 200,
    reorderQuantity: 500,
    lots: [{ lotNumber: 'PA2417', quantity: 400, daysToExpiry: 420, place: 'nurses' }],
  },
  {
    name: 'Flu vaccine',
    code: 'FLU',
    gtin: null,
    dispensingUnit: 'dose',
    packSize: 1,
    unitCostMinor: 900,
    billable: true,
    sellingPriceMinor: 2500,
    reorderLevel: 10,
    reorderQuantity: 30,
    // Two lots, the first to expire dispensed first.
    lots: [
      { lotNumber: 'FV1102', quantity: 6, daysToExpiry: 45, place: 'fridge' },
      { lotNumber: 'FV1188', quantity: 20, daysToExpiry: 200, place: 'fridge' },
    ],
  },
  {
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
    // Below its reorder level: the stock room's alerts have something to show.
    lots: [{ lotNumber: 'GZ0931', quantity: 12, daysToExpiry: 700, place: 'store' }],
  },
  {
    name: 'Amoxicillin 500 mg capsules',
    code: 'AMOX500',
    gtin: null,
    dispensingUnit: 'capsule',
    packSize: 21,
    unitCostMinor: 8,
    billable: true,
    sellingPriceMinor: 40,
    reorderLevel: 63,
    reorderQuantity: 210,
    lots: [{ lotNumber: 'AM5520', quantity: 210, daysToExpiry: 300, place: 'store' }],
  },
] as const;

/**
 * The demo's billing and stock room, set up as a manager would (Billing set-up, Stock set-up, a first
 * delivery): a fee for every appointment type so a check-out has its lines, and items on the shelves
 * so a nurse can dispense. Without them a demo's check-out had nothing to invoice and its stock room
 * nothing to find.
 */
export async function seedDemoFeesAndStock(invoke: DemoInvoke, config: SchedulingConfig, today: string): Promise<void> {
  await invoke('billing.updateSettings', { clinicAddress: '1 Main Street\nSunnyside', taxNumber: null });
  for (const [index, type] of config.types.entries()) {
    const fee = TYPE_SERVICES[index];
    if (!fee) continue;
    const service = await invoke('fees.saveService', { ...fee, taxId: null });
    await invoke('fees.setTypeServices', { typeId: type.id, services: [{ serviceId: service.id, quantity: 1 }] });
  }
  for (const fee of OTHER_SERVICES) await invoke('fees.saveService', { ...fee, taxId: null });

  const place = async (name: string, kind: 'store' | 'nurse_station' | 'fridge') =>
    (await invoke('stockroom.saveLocation', { locationId: config.locationId, name, kind, active: true })).id;
  const places = {
    store: await place('Stock room', 'store'),
    nurses: await place('Nurse station', 'nurse_station'),
    fridge: await place('Vaccine fridge', 'fridge'),
  };
  for (const { lots, ...item } of ITEMS) {
    const saved = await invoke('stockroom.saveItem', { ...ITEM_DEFAULTS, ...item });
    for (const lot of lots) {
      await invoke('stock.receive', {
        itemId: saved.id,
        stockLocationId: places[lot.place],
        lotNumber: lot.lotNumber,
        expiryOn: addDays(today, lot.daysToExpiry),
        quantity: lot.quantity,
      });
    }
  }
}
