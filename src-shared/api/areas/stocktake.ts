import { z } from 'zod';
import { procedure } from '../procedure';
import type { StockCount, StockCountSummary } from '../../stock/model';
import { countId, countUnits, lotId, stockLocationId } from '../../stock/fields';

/**
 * stocktake.*: counting a place. Start takes the snapshot; counters enter what they find (scan or
 * keyboard) while stock keeps moving; a manager approves once, which posts counted − snapshot per lot.
 */
export const stocktakeProcedures = {
  'stocktake.start': procedure<StockCount>()({
    input: z.object({ stockLocationId, blind: z.boolean() }),
    access: 'stock:dispense',
    kind: 'write',
  }),
  'stocktake.enter': procedure<StockCount>()({
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
  'stocktake.approve': procedure<StockCount>()({
    input: z.object({ countId }),
    access: 'stock:count:approve',
    kind: 'write',
  }),
  'stocktake.cancel': procedure<StockCount>()({
    input: z.object({ countId }),
    access: 'stock:count:approve',
    kind: 'write',
  }),
  /** Open counts, then the last twenty approved or cancelled. */
  'stocktake.list': procedure<StockCountSummary[]>()({ input: z.object({}), access: 'stock:read', kind: 'read' }),
  'stocktake.view': procedure<StockCount>()({ input: z.object({ countId }), access: 'stock:read', kind: 'read' }),
};
