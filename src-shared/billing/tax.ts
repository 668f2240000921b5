import { bigToMinor } from './money';

/**
 * Invoice arithmetic, the same in the check-out screen (figures as the desk types) and in main (the
 * figures that are recorded at issue). Integers only: products that could pass 2^53 are taken in
 * BigInt. Rates are parts per million (20% = 200000; 8.875% = 88750).
 *
 * Rounding is half-up (half away from zero; every amount here is >= 0), to the minor unit.
 * - per_line: each line's tax is rounded on its own; the invoice's tax is their sum.
 * - per_invoice: the lines are grouped by (rate, inclusive); each group's tax is rounded once from the
 *   group's sum, then shared back over the group's lines by largest remainder, so the lines still add
 *   up to the invoice's total exactly. Each line then differs from its per-line figure by at most one.
 */

export const PPM = 1_000_000;
export type TaxRounding = 'per_line' | 'per_invoice';
export const TAX_ROUNDINGS = ['per_line', 'per_invoice'] as const;

export interface LineInput {
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxRatePpm: number;
  /** The price already includes the tax (tax is taken out of it) rather than added to it. */
  taxInclusive: boolean;
  /** The part of the line's total the insurer is expected to pay (tax included). */
  insurerMinor: number;
}

export interface LineFigures {
  /** quantity × unit price − discount: the price as written (net when tax is added, gross when included). */
  amountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  insurerMinor: number;
  patientMinor: number;
}

export interface TaxGroup {
  ratePpm: number;
  inclusive: boolean;
  netMinor: number;
  taxMinor: number;
}

export interface InvoiceFigures {
  lines: LineFigures[];
  /** Sum of the lines' net amounts. */
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  insurerMinor: number;
  patientMinor: number;
  /** One row per rate, for the invoice's tax summary. */
  taxes: TaxGroup[];
}

/** A line's problem, named by the field of the line that causes it. */
export interface LineProblem {
  index: number;
  field: 'quantity' | 'unitPriceMinor' | 'discountMinor' | 'insurerMinor' | 'taxRatePpm';
  problem: string;
}

const big = (value: number) => BigInt(value);

/** round(numerator / denominator), half-up, for numerator >= 0 and denominator > 0. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

export function lineAmount(line: Pick<LineInput, 'quantity' | 'unitPriceMinor' | 'discountMinor'>): number {
  return line.quantity * line.unitPriceMinor - line.discountMinor;
}

/** Tax numerator and denominator of an amount: tax = numerator / denominator before rounding. */
function taxFraction(amount: number, ratePpm: number, inclusive: boolean): [bigint, bigint] {
  return [big(amount) * big(ratePpm), inclusive ? big(PPM + ratePpm) : big(PPM)];
}

function figuresFor(amount: number, tax: number, inclusive: boolean, insurer: number): LineFigures {
  const net = inclusive ? amount - tax : amount;
  const total = net + tax;
  return {
    amountMinor: amount,
    netMinor: net,
    taxMinor: tax,
    totalMinor: total,
    insurerMinor: insurer,
    patientMinor: total - insurer,
  };
}

/** A line on its own, tax rounded on the line. */
export function lineFigures(line: LineInput): LineFigures {
  const amount = lineAmount(line);
  const [numerator, denominator] = taxFraction(amount, line.taxRatePpm, line.taxInclusive);
  return figuresFor(amount, bigToMinor(roundHalfUp(numerator, denominator)), line.taxInclusive, line.insurerMinor);
}

/** What is wrong with the lines, each named by its index and field; empty when they can be invoiced. */
export function lineProblems(lines: LineInput[], rounding: TaxRounding): LineProblem[] {
  const problems: LineProblem[] = [];
  lines.forEach((line, index) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1)
      problems.push({ index, field: 'quantity', problem: 'must be a whole number, at least 1' });
    if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0)
      problems.push({ index, field: 'unitPriceMinor', problem: 'must be an amount of at least zero' });
    if (!Number.isSafeInteger(line.taxRatePpm) || line.taxRatePpm < 0 || line.taxRatePpm > PPM)
      problems.push({ index, field: 'taxRatePpm', problem: 'must be between 0% and 100%' });
    if (!Number.isSafeInteger(line.discountMinor) || line.discountMinor < 0)
      problems.push({ index, field: 'discountMinor', problem: 'must be an amount of at least zero' });
    else if (line.discountMinor > line.quantity * line.unitPriceMinor)
      problems.push({ index, field: 'discountMinor', problem: 'must not be more than the line’s price' });
    if (!Number.isSafeInteger(line.insurerMinor) || line.insurerMinor < 0)
      problems.push({ index, field: 'insurerMinor', problem: 'must be an amount of at least zero' });
  });
  if (problems.length > 0) return problems;
  invoiceFigures(lines, rounding).lines.forEach((figures, index) => {
    if (figures.insurerMinor > figures.totalMinor)
      problems.push({ index, field: 'insurerMinor', problem: 'must not be more than the line’s total' });
  });
  return problems;
}

/** Every line's figures and the invoice's totals under the given rounding. */
export function invoiceFigures(lines: LineInput[], rounding: TaxRounding): InvoiceFigures {
  const figures: LineFigures[] = rounding === 'per_line' ? lines.map(lineFigures) : perInvoiceLines(lines);
  return summarise(lines, figures);
}

function perInvoiceLines(lines: LineInput[]): LineFigures[] {
  const taxes = new Array<number>(lines.length).fill(0);
  const groups = new Map<string, { index: number; line: LineInput }[]>();
  lines.forEach((line, index) => {
    const key = `${line.taxRatePpm}|${line.taxInclusive ? 1 : 0}`;
    groups.set(key, [...(groups.get(key) ?? []), { index, line }]);
  });
  for (const members of groups.values()) {
    const shares = members.map(({ index, line }) => {
      const [numerator, denominator] = taxFraction(lineAmount(line), line.taxRatePpm, line.taxInclusive);
      return { index, numerator, denominator };
    });
    const denominator = shares[0]?.denominator ?? 1n;
    const groupNumerator = shares.reduce((sum, share) => sum + share.numerator, 0n);
    let left = roundHalfUp(groupNumerator, denominator);
    for (const share of shares) {
      const floor = share.numerator / denominator;
      taxes[share.index] = bigToMinor(floor);
      left -= floor;
    }
    // The units left over go to the lines with the largest remainders (earlier lines first on a tie).
    const byRemainder = [...shares].sort((a, b) => {
      const ra = a.numerator % denominator;
      const rb = b.numerator % denominator;
      return ra === rb ? a.index - b.index : ra > rb ? -1 : 1;
    });
    for (const share of byRemainder) {
      if (left <= 0n) break;
      taxes[share.index] = (taxes[share.index] ?? 0) + 1;
      left -= 1n;
    }
  }
  return lines.map((line, index) =>
    figuresFor(lineAmount(line), taxes[index] ?? 0, line.taxInclusive, line.insurerMinor),
  );
}

function summarise(lines: LineInput[], figures: LineFigures[]): InvoiceFigures {
  const groups = new Map<string, TaxGroup>();
  let subtotal = 0;
  let tax = 0;
  let insurer = 0;
  figures.forEach((line, index) => {
    const input = lines[index] ?? { taxRatePpm: 0, taxInclusive: false };
    subtotal += line.netMinor;
    tax += line.taxMinor;
    insurer += line.insurerMinor;
    const key = `${input.taxRatePpm}|${input.taxInclusive ? 1 : 0}`;
    const group = groups.get(key) ?? {
      ratePpm: input.taxRatePpm,
      inclusive: input.taxInclusive,
      netMinor: 0,
      taxMinor: 0,
    };
    group.netMinor += line.netMinor;
    group.taxMinor += line.taxMinor;
    groups.set(key, group);
  });
  const total = subtotal + tax;
  return {
    lines: figures,
    subtotalMinor: subtotal,
    taxMinor: tax,
    totalMinor: total,
    insurerMinor: insurer,
    patientMinor: total - insurer,
    taxes: [...groups.values()].sort(
      (a, b) => a.ratePpm - b.ratePpm || (a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1),
    ),
  };
}

/** "20%", "8.875%": a rate in parts per million as a person reads it (no float: the digits are placed). */
export function formatRate(ratePpm: number): string {
  const text = String(ratePpm).padStart(5, '0');
  const whole = text.slice(0, -4).replace(/^0+(?=\d)/u, '');
  const fraction = text.slice(-4).replace(/0+$/u, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/** "20", "8.875", "0.5" → parts per million; null when it is not a percentage from 0 to 100 with at most 4 decimals. */
export function parseRate(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,4}))?\s*%?\s*$/u.exec(text);
  if (!match) return null;
  const digits = `${match[1] ?? ''}${(match[2] ?? '').padEnd(4, '0')}`;
  let ppm = 0;
  for (const c of digits) ppm = ppm * 10 + (c.charCodeAt(0) - 48);
  return ppm > PPM ? null : ppm;
}
