import { z } from 'zod';
import { procedure } from '../procedure';
import type { PurchaseOrder, PurchaseOrderStatus, SuggestedLine } from '../../stock/model';
import { PURCHASE_ORDER_STATUSES } from '../../stock/model';
import { expiryOn, itemId, lotNumber, orderId, stockLocationId, supplierId, units } from '../../stock/fields';
import { amountMinor } from '../../billing/fields';
import type { PdfDocument } from '../../billing/model';
import { id, optionalText } from '../../validation';

export interface PurchaseOrderSummary {
  id: string;
  supplierId: string;
  supplierName: string;
  status: PurchaseOrderStatus;
  reference: string | null;
  createdAt: number;
}

/**
 * purchasing.*: draft → sent → partly received → received, closed short or cancelled; the suggested
 * order; receiving a delivery line by line with lot, expiry and cost (more than a line expects is refused).
 */
export const purchasingProcedures = {
  'purchasing.suggested': procedure<SuggestedLine[]>()({
    input: z.object({}),
    access: 'stock:order',
    kind: 'read',
  }),
  'purchasing.list': procedure<PurchaseOrderSummary[]>()({
    input: z.object({ statuses: z.array(z.enum(PURCHASE_ORDER_STATUSES)).max(6).nullable() }),
    access: 'stock:read',
    kind: 'read',
  }),
  'purchasing.view': procedure<PurchaseOrder>()({
    input: z.object({ orderId }),
    access: 'stock:read',
    kind: 'read',
  }),
  /** The order as a PDF to send to the supplier. */
  'purchasing.pdf': procedure<PdfDocument>()({
    input: z.object({ orderId }),
    access: 'stock:order',
    kind: 'read',
  }),
  'purchasing.create': procedure<PurchaseOrder>()({
    input: z.object({
      supplierId,
      stockLocationId,
      reference: optionalText(60),
      notes: optionalText(500),
      lines: z
        .array(z.object({ itemId, quantity: units, unitCostMinor: amountMinor.nullish() }))
        .min(1, 'an order needs at least one line')
        .max(500),
    }),
    access: 'stock:order',
    kind: 'write',
  }),
  'purchasing.send': procedure<PurchaseOrder>()({
    input: z.object({ orderId }),
    access: 'stock:order',
    kind: 'write',
  }),
  'purchasing.cancel': procedure<PurchaseOrder>()({
    input: z.object({ orderId }),
    access: 'stock:order',
    kind: 'write',
  }),
  'purchasing.close': procedure<PurchaseOrder>()({
    input: z.object({ orderId }),
    access: 'stock:order',
    kind: 'write',
  }),
  'purchasing.receive': procedure<PurchaseOrder>()({
    input: z.object({
      orderId,
      lines: z
        .array(
          z.object({
            lineId: id('an order line'),
            lotNumber,
            expiryOn,
            quantity: units,
            unitCostMinor: amountMinor.nullish(),
          }),
        )
        .min(1, 'receive at least one line')
        .max(500),
    }),
    access: 'stock:receive',
    kind: 'write',
  }),
};
