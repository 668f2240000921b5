import { z } from 'zod';
import { procedure } from '../procedure';
import type {
  DispenseResult,
  ItemView,
  RecallEntry,
  StockAlerts,
  StockItem,
  StockItemSummary,
} from '../../stock/model';
import {
  countUnits,
  expiryOn,
  itemId,
  lotId,
  lotNumber,
  occurredAt,
  signedUnits,
  stockLocationId,
  stockReason,
  supplierId,
  units,
} from '../../stock/fields';
import { amountMinor } from '../../billing/fields';
import { boundedString, id, optionalText } from '../../validation';

export interface ScanAnswer {
  item: StockItem | null;
  gtin: string | null;
  lotNumber: string | null;
  expiryOn: string | null;
  serial: string | null;
  lotId: string | null;
}

export interface Recall {
  lotId: string;
  lotNumber: string;
  expiryOn: string | null;
  patients: RecallEntry[];
}

/**
 * stock.*: what is on the shelves and how it moves — search and scan, an item's page, the alerts, the
 * recall; receipts, dispenses against today's visit (FEFO), returns, transfers, adjustments, write-offs
 * and returns to a supplier. Each write posts insert-only movements and is audited.
 */
export const stockProcedures = {
  'stock.search': procedure<StockItemSummary[]>()({
    input: z.object({ text: boundedString(100) }),
    access: 'stock:read',
    kind: 'read',
  }),
  'stock.item': procedure<ItemView>()({ input: z.object({ itemId }), access: 'stock:read', kind: 'read' }),
  'stock.alerts': procedure<StockAlerts>()({ input: z.object({}), access: 'stock:read', kind: 'read' }),
  /** What a scanned (or typed) barcode names: a GS1 element string's GTIN, lot, expiry and serial, or an item code. */
  'stock.scan': procedure<ScanAnswer>()({
    input: z.object({ text: boundedString(200) }),
    access: 'stock:read',
    kind: 'read',
  }),
  /** Which patients got a lot: by its id, or by item and lot number. */
  'stock.recall': procedure<Recall>()({
    input: z
      .object({ lotId: lotId.optional(), itemId: itemId.optional(), lotNumber: lotNumber.optional() })
      .refine((input) => input.lotId !== undefined || (input.itemId !== undefined && input.lotNumber !== undefined), {
        path: ['lotNumber'],
        message: 'give the lot, or the item and its lot number',
      }),
    access: 'stock:read',
    kind: 'read',
    phi: true,
  }),
  'stock.receive': procedure<{ movementId: string; lotId: string }>()({
    input: z.object({
      itemId,
      stockLocationId,
      lotNumber,
      expiryOn,
      quantity: units,
      unitCostMinor: amountMinor.nullish(),
      supplierId: supplierId.nullish(),
      occurredAt,
    }),
    access: 'stock:receive',
    kind: 'write',
  }),
  'stock.dispense': procedure<DispenseResult>()({
    input: z.object({ visitId: id('a visit'), itemId, stockLocationId, quantity: units, lotId: lotId.nullish() }),
    access: 'stock:dispense',
    kind: 'write',
  }),
  'stock.returnDispense': procedure<{ movementId: string; invoiceNote: string | null }>()({
    input: z.object({ movementId: id('a movement'), reason: stockReason }),
    access: 'stock:dispense',
    kind: 'write',
  }),
  'stock.transfer': procedure<{ transferId: string }>()({
    input: z.object({
      lotId,
      fromStockLocationId: stockLocationId,
      toStockLocationId: stockLocationId,
      quantity: units,
      reason: optionalText(300),
      occurredAt,
    }),
    access: 'stock:receive',
    kind: 'write',
  }),
  'stock.adjust': procedure<{ movementId: string }>()({
    input: z.object({ lotId, stockLocationId, quantity: signedUnits, reason: stockReason, occurredAt }),
    access: 'stock:adjust',
    kind: 'write',
  }),
  /** Expired stock off the shelf (`expire`), or damaged/spoilt stock (`destroy`, with the reason). */
  'stock.writeOff': procedure<{ movementId: string }>()({
    input: z.object({
      lotId,
      stockLocationId,
      quantity: units,
      kind: z.enum(['expire', 'destroy'], { error: 'must be expire or destroy' }),
      reason: optionalText(300),
      occurredAt,
    }),
    access: 'stock:adjust',
    kind: 'write',
  }),
  'stock.returnToSupplier': procedure<{ movementId: string }>()({
    input: z.object({ lotId, stockLocationId, supplierId, quantity: units, reason: stockReason }),
    access: 'stock:adjust',
    kind: 'write',
  }),
  /** Sets the near-expiry window in days (30 by default). */
  'stock.setNearExpiryDays': procedure<{ nearExpiryDays: number }>()({
    input: z.object({ nearExpiryDays: countUnits.max(365, 'must be at most 365 days') }),
    access: 'stock:order',
    kind: 'write',
  }),
};
