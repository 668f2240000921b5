import type { MoneyFormat } from '../../billing/money';
import { z } from 'zod';
import { procedure } from '../procedure';
import type { StockItem, StockLocation, Supplier } from '../../stock/model';
import { itemInput, stockLocationInput, supplierInput } from '../../stock/fields';

export interface StockSetup {
  nearExpiryDays: number;
  /** The clinic's currency and locale, for costs and valuations on the stock screens. */
  money: MoneyFormat;
  locations: StockLocation[];
  suppliers: Supplier[];
}

/** stockroom.*: the stock room's set-up — items, suppliers and what they supply, stock locations. */
export const stockroomProcedures = {
  'stockroom.get': procedure<StockSetup>()({ input: z.object({}), access: 'stock:read', kind: 'read' }),
  'stockroom.saveItem': procedure<StockItem>()({ input: itemInput, access: 'stock:order', kind: 'write' }),
  'stockroom.saveSupplier': procedure<Supplier>()({ input: supplierInput, access: 'stock:order', kind: 'write' }),
  'stockroom.saveLocation': procedure<StockLocation>()({
    input: stockLocationInput,
    access: 'stock:order',
    kind: 'write',
  }),
};
