import { z } from 'zod';
import { procedure } from '../procedure';
import type { StockItem, StockLocation, Supplier } from '../../stock/model';
import { itemInput, stockLocationInput, supplierInput } from '../../stock/fields';

export interface StockSetup {
  nearExpiryDays: number;
  locations: StockLocation[];
  suppliers: Supplier[];
}

/** stockSetup.*: the stock room's set-up — items, suppliers and what they supply, stock locations. */
export const stockSetupProcedures = {
  'stockSetup.get': procedure<StockSetup>()({ input: z.object({}), access: 'stock:read', kind: 'read' }),
  'stockSetup.saveItem': procedure<StockItem>()({ input: itemInput, access: 'stock:order', kind: 'write' }),
  'stockSetup.saveSupplier': procedure<Supplier>()({ input: supplierInput, access: 'stock:order', kind: 'write' }),
  'stockSetup.saveLocation': procedure<StockLocation>()({
    input: stockLocationInput,
    access: 'stock:order',
    kind: 'write',
  }),
};
