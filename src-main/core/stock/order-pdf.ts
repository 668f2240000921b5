import type { PdfDocument } from '../../../src-shared/billing/model';
import { formatMoney } from '../../../src-shared/billing/money';
import { clinicWording } from '../../../src-shared/locale/date-format';
import { localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { PurchaseOrder, Supplier } from '../../../src-shared/stock/model';
import type { PrintContext } from '../billing/pdf/documents';
import { letterhead, PdfWriter, type Column } from '../billing/pdf/layout';

const COLUMNS: Column[] = [
  { width: 245 },
  { width: 70, align: 'right' },
  { width: 90, align: 'right' },
  { width: 94, align: 'right' },
];

/**
 * A purchase order to send to the supplier: who orders, for delivery where, each line's quantity
 * (whole dispensing units) and expected cost, and the total. The same writer as billing's documents.
 */
export async function purchaseOrderPdf(
  order: PurchaseOrder,
  supplier: Supplier | undefined,
  deliverTo: string,
  p: PrintContext,
): Promise<PdfDocument> {
  const title = `Purchase order${order.reference ? ` ${order.reference}` : ''}`;
  const w = await PdfWriter.create(title);
  letterhead(w, p, title);
  const made = clinicWording(p.dateFormat, p.timeFormat).dateTime(
    localDateOf(p.timeZone, order.createdAt),
    localTimeOf(p.timeZone, order.createdAt),
  );
  w.text(`To: ${order.supplierName}`, { bold: true, right: made });
  if (supplier?.contact) w.text(`Attn: ${supplier.contact}`);
  const reach = [supplier?.phone, supplier?.email].filter(Boolean).join(' · ');
  if (reach) w.text(reach);
  w.text(`Deliver to: ${deliverTo}`);
  w.space();
  w.row(['Item', 'Units', 'Unit cost', 'Line total'], COLUMNS, { bold: true });
  w.rule();
  let total = 0;
  for (const line of order.lines) {
    const lineTotal = line.quantity * line.unitCostMinor;
    total += lineTotal;
    w.row(
      [line.itemName, String(line.quantity), formatMoney(line.unitCostMinor, p.money), formatMoney(lineTotal, p.money)],
      COLUMNS,
    );
  }
  w.rule();
  w.text('Total at expected cost', { bold: true, right: formatMoney(total, p.money) });
  if (order.notes) {
    w.space();
    w.text(`Notes: ${order.notes}`, { size: 9 });
  }
  const name = (order.reference ?? order.id.slice(-8)).replace(/[^A-Za-z0-9._-]/g, '-');
  return w.finish(`purchase-order-${name}.pdf`);
}
