import { z } from 'zod';
import { procedure } from '../procedure';
import type { StockCount } from '../../stock/model';
import { countId, countUnits, lotId, stockLocationId } from '../../stock/fields';

/**
 * stockCounts.*: counting a place. Start takes the snapshot; counters enter what they find (scan or
 * keyboard) while stock keeps moving; a manager approves once, which posts counted − snapshot per lot.
 */
export const stockCountsProcedures = {
  'stockCounts.start': procedure<StockCount>()({
    input: z.object({ stockLocationId, blind: z.boolean() }),
    access: 'stock:dispense',
    kind: 'write',
  }),
  'stockCounts.enter': procedure<StockCount>()({
    input: z.object({
      countId,
      lines: z
        .array(z.object({ lotId, countedQuantity: countUnits.nullable() }))
        .min(1, 'enter at least one count')
        .max(2000),
    }),
    access: 'stock:dispense',
    kind: 'write',
  }),
  'stockCounts.approve': procedure<StockCount>()({
    input: z.object({ countId }),
    access: 'stock:count:approve',
    kind: 'write',
  }),
  'stockCounts.cancel': procedure<StockCount>()({
    input: z.object({ countId }),
    access: 'stock:count:approve',
    kind: 'write',
  }),
  'stockCounts.view': procedure<StockCount>()({ input: z.object({ countId }), access: 'stock:read', kind: 'read' }),
};
