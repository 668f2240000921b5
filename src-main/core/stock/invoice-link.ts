import { billingContext } from '../billing/context';
import { invoiceIdForVisit } from '../billing/checkout';
import { saveDraftLines, type DraftLineInput } from '../billing/drafts';
import { findInvoice, invoiceLines } from '../billing/invoice-repository';
import type { InvoiceLineRow } from '../db/schema-billing';
import type { StockItemRow } from '../db/schema-stock';
import type { WriteDb } from '../db/handles';
import type { StockContext } from './context';
import { invoiceOfLine } from './movement-repository';

/**
 * A billable dispense puts a line on the visit's invoice through billing's own draft service (the
 * visit's draft is built on first ask, as check-out would). An issued invoice never changes, so then no
 * line is added and the answer says so: the desk charges it on a new invoice or lets it go.
 */

function asDraftLine(line: InvoiceLineRow): DraftLineInput {
  return {
    id: line.id,
    serviceId: line.service_id,
    description: line.description,
    quantity: line.quantity,
    unitPriceMinor: line.unit_price_minor,
    discountMinor: line.discount_minor,
    discountReason: line.discount_reason,
    taxId: line.tax_id,
    insurerMinor: line.insurer_minor,
    copayMinor: line.copay_minor,
    deductibleMinor: line.deductible_minor,
    coinsuranceMinor: line.coinsurance_minor,
  };
}

export interface InvoiceLink {
  invoiceId: string | null;
  lineId: string | null;
  note: string | null;
}

export async function chargeDispense(
  db: WriteDb,
  context: StockContext,
  visitId: string,
  item: StockItemRow,
  quantity: number,
  lotNumbers: string[],
): Promise<InvoiceLink> {
  const billing = await billingContext(db, context.now);
  const invoiceId = await invoiceIdForVisit(db, billing, visitId, {
    userId: context.actor.userId,
    name: context.actor.displayName,
  });
  const invoice = await findInvoice(db, invoiceId);
  if (invoice?.status !== 'draft')
    return { invoiceId, lineId: null, note: 'The visit’s invoice is already issued: no line was added to it.' };
  const before = await invoiceLines(db, invoiceId);
  const line: DraftLineInput = {
    serviceId: null,
    description: `${item.name} (lot ${lotNumbers.join(', ')})`.slice(0, 200),
    quantity,
    unitPriceMinor: item.selling_price_minor ?? 0,
    discountMinor: 0,
    discountReason: null,
    taxId: item.tax_id,
    insurerMinor: 0,
  };
  await saveDraftLines(db, billing, invoice, [...before.map(asDraftLine), line]);
  const known = new Set(before.map((row) => row.id));
  const added = (await invoiceLines(db, invoiceId)).find((row) => !known.has(row.id));
  return { invoiceId, lineId: added?.id ?? null, note: null };
}

/** A returned dispense takes its units off the draft's line (the line goes when none is left). */
export async function uncharge(
  db: WriteDb,
  context: StockContext,
  invoiceLineId: string,
  quantity: number,
): Promise<InvoiceLink> {
  const owner = await invoiceOfLine(db, invoiceLineId);
  const invoice = owner ? await findInvoice(db, owner.invoice_id) : undefined;
  if (!invoice) return { invoiceId: null, lineId: null, note: 'The invoice line is gone: nothing to take back.' };
  if (invoice.status !== 'draft')
    return {
      invoiceId: invoice.id,
      lineId: invoiceLineId,
      note: 'The visit’s invoice is already issued: credit the line with a credit note.',
    };
  const billing = await billingContext(db, context.now);
  const lines = (await invoiceLines(db, invoice.id))
    .map((line) => (line.id === invoiceLineId ? { ...line, quantity: line.quantity - quantity } : line))
    .filter((line) => line.quantity > 0);
  await saveDraftLines(db, billing, invoice, lines.map(asDraftLine));
  return { invoiceId: invoice.id, lineId: invoiceLineId, note: null };
}
