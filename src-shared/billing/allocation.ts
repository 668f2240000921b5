/**
 * Allocating a payment to invoices, the same in the screen (the proposal the desk edits) and in main
 * (the check that counts). By default the oldest open invoice is paid first; what is not allocated is
 * the patient's credit.
 */

export interface OpenInvoice {
  invoiceId: string;
  number: string;
  /** Local date of issue, YYYY-MM-DD. */
  issuedOn: string;
  /** What the patient still owes on it. */
  openMinor: number;
}

export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

/** Oldest first (by date of issue, then number), each invoice up to what is open on it, until the amount is used. */
export function defaultAllocation(open: readonly OpenInvoice[], amountMinor: number): Allocation[] {
  const allocations: Allocation[] = [];
  let left = amountMinor;
  for (const invoice of oldestFirst(open)) {
    if (left <= 0) break;
    if (invoice.openMinor <= 0) continue;
    const amount = Math.min(left, invoice.openMinor);
    allocations.push({ invoiceId: invoice.invoiceId, amountMinor: amount });
    left -= amount;
  }
  return allocations;
}

export function oldestFirst<T extends Pick<OpenInvoice, 'issuedOn' | 'number'>>(open: readonly T[]): T[] {
  return [...open].sort((a, b) =>
    a.issuedOn === b.issuedOn
      ? a.number < b.number
        ? -1
        : a.number > b.number
          ? 1
          : 0
      : a.issuedOn < b.issuedOn
        ? -1
        : 1,
  );
}

/**
 * What is wrong with allocations the desk edited, keyed by the field the form shows
 * (`allocations.N.amountMinor`, `allocations.N.invoiceId`, `allocations`); empty when they may be saved.
 */
export function allocationProblems(
  open: readonly OpenInvoice[],
  amountMinor: number,
  allocations: readonly Allocation[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const byId = new Map(open.map((invoice) => [invoice.invoiceId, invoice]));
  const seen = new Set<string>();
  let sum = 0;
  allocations.forEach((allocation, index) => {
    const invoice = byId.get(allocation.invoiceId);
    if (!invoice) problems[`allocations.${index}.invoiceId`] = 'is not an open invoice of this patient';
    else if (seen.has(allocation.invoiceId)) problems[`allocations.${index}.invoiceId`] = 'is named twice';
    else if (allocation.amountMinor > invoice.openMinor)
      problems[`allocations.${index}.amountMinor`] = `must not be more than the ${invoice.number} still owes`;
    if (allocation.amountMinor <= 0) problems[`allocations.${index}.amountMinor`] = 'must be more than zero';
    seen.add(allocation.invoiceId);
    sum += allocation.amountMinor;
  });
  if (sum > amountMinor) problems['allocations'] = 'add up to more than the payment';
  return problems;
}
