import { z } from 'zod';
import { amountMinor, localDate } from '../billing/fields';
import { boundedString, id, optionalText, requiredText } from '../validation';
import { STOCK_LOCATION_KINDS } from './model';

/** Field rules of the stock procedures, shared by the forms and main (which decides). */

export const MAX_UNITS = 1_000_000;

/** Whole dispensing units, at least one. */
export const units = z
  .number({ error: 'must be a number of units' })
  .int('must be a whole number of units')
  .min(1, 'must be at least 1')
  .max(MAX_UNITS, 'is too large');

/** A signed number of units (an adjustment), never zero. */
export const signedUnits = z
  .number({ error: 'must be a number of units' })
  .int('must be a whole number of units')
  .min(-MAX_UNITS, 'is too large')
  .max(MAX_UNITS, 'is too large')
  .refine((value) => value !== 0, 'must add or take away at least one unit');

/** Zero or more units (a counted quantity, a reorder level). */
export const countUnits = z
  .number({ error: 'must be a number of units' })
  .int('must be a whole number of units')
  .min(0, 'must not be negative')
  .max(MAX_UNITS, 'is too large');

export const lotNumber = requiredText(40);
export const expiryOn = localDate.nullable();
export const stockReason = requiredText(300);
export const itemCode = boundedString(30)
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dots, dashes or underscores');
export const gtinText = boundedString(14, 'must be 8 to 14 digits')
  .trim()
  .regex(/^\d{8,14}$/, 'must be 8 to 14 digits')
  .nullable();
/** When it happened, for an entry made late: epoch milliseconds, never the future (main checks). */
export const occurredAt = z
  .number({ error: 'must be an instant' })
  .int('must be an instant')
  .min(0, 'must be an instant')
  .nullish();

export const stockLocationKind = z.enum(STOCK_LOCATION_KINDS, {
  error: `must be one of ${STOCK_LOCATION_KINDS.join(', ')}`,
});

export const itemId = id('a stock item');
export const lotId = id('a lot');
export const stockLocationId = id('a stock location');
export const supplierId = id('a supplier');
export const orderId = id('a purchase order');
export const countId = id('a stock count');

export const itemInput = z.object({
  id: itemId.optional(),
  name: requiredText(120),
  code: itemCode,
  gtin: gtinText,
  category: optionalText(60),
  dispensingUnit: requiredText(30),
  // As the table's CHECK: a pack of more than 100,000 units is a typing mistake.
  packSize: units.max(100_000, 'must be at most 100,000 units'),
  unitCostMinor: amountMinor,
  billable: z.boolean(),
  sellingPriceMinor: amountMinor.nullable(),
  taxId: id('a tax').nullable(),
  reorderLevel: countUnits,
  reorderQuantity: countUnits,
  maximumLevel: countUnits.nullable(),
  active: z.boolean(),
});

export const supplierInput = z.object({
  id: supplierId.optional(),
  name: requiredText(120),
  contact: optionalText(120),
  phone: optionalText(40),
  email: optionalText(254),
  leadTimeDays: z
    .number()
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(365, 'must be at most 365'),
  active: z.boolean(),
  itemIds: z.array(itemId).max(2000),
});

export const stockLocationInput = z.object({
  id: stockLocationId.optional(),
  locationId: id('a location'),
  name: requiredText(60),
  kind: stockLocationKind,
  active: z.boolean(),
});
