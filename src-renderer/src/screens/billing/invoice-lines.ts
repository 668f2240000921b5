import type { InvoiceLineView, ServiceView } from '../../../../src-shared/billing/model';
import type { MoneyFormat } from '../../../../src-shared/billing/money';
import { amountText, readAmount } from './money-field';
import { i18next } from '../../i18n';

/** One line of a draft as the desk edits it: numbers kept as typed until the lines are sent. */
export interface EditedLine {
  /** Saved lines keep their id; a new line has none until saved. */
  id?: string;
  /** A stable key for React while a new line has no id. */
  key: string;
  serviceId: string | null;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  discountReason: string;
  taxId: string;
  /** What the insurer is expected to pay of the line, as typed (the rest is the patient's part). */
  insurer: string;
  /** The patient's part named, as typed (what is left of it is not covered). */
  copay: string;
  deductible: string;
  coinsurance: string;
}

const typedAmount = (minor: number, money: MoneyFormat) => (minor > 0 ? amountText(minor, money) : '');

let fresh = 0;

export function editedLine(line: InvoiceLineView, money: MoneyFormat): EditedLine {
  return {
    id: line.id,
    key: line.id,
    serviceId: line.serviceId,
    description: line.description,
    quantity: String(line.quantity),
    price: amountText(line.unitPriceMinor, money),
    discount: line.discountMinor > 0 ? amountText(line.discountMinor, money) : '',
    discountReason: line.discountReason ?? '',
    taxId: line.taxId ?? '',
    insurer: typedAmount(line.insurerMinor, money),
    copay: typedAmount(line.copayMinor, money),
    deductible: typedAmount(line.deductibleMinor, money),
    coinsurance: typedAmount(line.coinsuranceMinor, money),
  };
}

export function lineForService(service: ServiceView, money: MoneyFormat): EditedLine {
  fresh += 1;
  return {
    key: `new-${fresh}`,
    serviceId: service.id,
    description: service.name,
    quantity: '1',
    price: amountText(service.defaultPriceMinor, money),
    discount: '',
    discountReason: '',
    taxId: service.taxId ?? '',
    insurer: '',
    copay: '',
    deductible: '',
    coinsurance: '',
  };
}

export interface DraftLineInput {
  id?: string;
  serviceId: string | null;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  discountReason: string | null;
  taxId: string | null;
  insurerMinor: number;
  copayMinor: number;
  deductibleMinor: number;
  coinsuranceMinor: number;
}

/** The lines to send, or the problems found in what was typed, keyed as main keys them (`lines.0.unitPriceMinor`). */
export function linesToSend(
  lines: readonly EditedLine[],
  money: MoneyFormat,
): { ok: true; lines: DraftLineInput[] } | { ok: false; problems: Record<string, string> } {
  const typed = linesAsTyped(lines, money);
  return Object.keys(typed.problems).length > 0
    ? { ok: false, problems: typed.problems }
    : { ok: true, lines: typed.lines };
}

/**
 * The lines as they would go (an unreadable number standing as NaN or 0) with the problems of what was
 * typed: the draft main's schema can judge while the typing's own problems are shown.
 */
export function linesAsTyped(
  lines: readonly EditedLine[],
  money: MoneyFormat,
): { lines: DraftLineInput[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const sent = lines.map((line, index): DraftLineInput => {
    const price = readAmount(line.price, money);
    const discount = readAmount(line.discount, money, { optional: true });
    const insurer = readAmount(line.insurer, money, { optional: true });
    const quantity = /^\d{1,3}$/.test(line.quantity.trim()) ? Number(line.quantity.trim()) : Number.NaN;
    if (price.problem) problems[`lines.${index}.unitPriceMinor`] = price.problem;
    if (discount.problem) problems[`lines.${index}.discountMinor`] = discount.problem;
    if (insurer.problem) problems[`lines.${index}.insurerMinor`] = insurer.problem;
    const share = (text: string, field: string) => {
      const read = readAmount(text, money, { optional: true });
      if (read.problem) problems[`lines.${index}.${field}`] = read.problem;
      return read.minor ?? 0;
    };
    if (Number.isNaN(quantity))
      problems[`lines.${index}.quantity`] = i18next.t('billing:invoice-lines.mustBeAWholeNumber');
    return {
      ...(line.id && { id: line.id }),
      serviceId: line.serviceId,
      description: line.description,
      quantity,
      unitPriceMinor: price.minor ?? 0,
      discountMinor: discount.minor ?? 0,
      discountReason: line.discountReason.trim() || null,
      taxId: line.taxId || null,
      insurerMinor: insurer.minor ?? 0,
      copayMinor: share(line.copay, 'copayMinor'),
      deductibleMinor: share(line.deductible, 'deductibleMinor'),
      coinsuranceMinor: share(line.coinsurance, 'coinsuranceMinor'),
    };
  });
  return { lines: sent, problems };
}
