import { z } from 'zod';
import { isLocalDate } from '../scheduling/time';
import { boundedString, dateText, id, optionalText, requiredText } from '../validation';
import { ADJUSTMENT_REASONS, PAYMENT_METHOD_KINDS, REMITTANCE_ADJUSTMENT_CODES } from './reason-codes';
import { MAX_MINOR } from './money';
import { PPM, TAX_ROUNDINGS } from './tax';

/** Field rules of the billing procedures, shared by the forms (feedback as typed) and main (which decides). */

/** An amount in minor units, zero or more. Screens turn typed text into this with `parseAmount`. */
export const amountMinor = z
  .number({ error: 'must be an amount in minor units' })
  .int('must be a whole number of minor units (no fractions of a penny)')
  .min(0, 'must not be negative')
  .max(MAX_MINOR, 'is too large');

/** An amount that must be more than zero. */
export const positiveAmount = amountMinor.refine((value) => value > 0, 'must be more than zero');

export const localDate = dateText(isLocalDate, 10);

export const ratePpm = z
  .number({ error: 'must be a rate in parts per million' })
  .int('must be a whole number of parts per million (20% is 200000)')
  .min(0, 'must not be negative')
  .max(PPM, 'must be at most 100%');

export const quantity = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(999, 'must be at most 999');

/** Why money moved back or was written off: always said, never blank. */
export const reason = requiredText(500);

export const taxRounding = z.enum(TAX_ROUNDINGS, { error: 'must be per_line or per_invoice' });
export const methodKind = z.enum(PAYMENT_METHOD_KINDS, { error: `must be one of ${PAYMENT_METHOD_KINDS.join(', ')}` });
export const adjustmentReason = z.enum(ADJUSTMENT_REASONS, {
  error: `must be one of ${ADJUSTMENT_REASONS.join(', ')}`,
});
export const remittanceCode = z.enum(REMITTANCE_ADJUSTMENT_CODES, {
  error: `must be one of ${REMITTANCE_ADJUSTMENT_CODES.join(', ')}`,
});

/** A desk's invoice series prefix: 1–6 capital letters or digits, e.g. A or DESK2. */
export const seriesPrefix = boundedString(6, 'must be 1 to 6 letters or digits, such as A or DESK2')
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,6}$/, 'must be 1 to 6 letters or digits, such as A or DESK2');

export const serviceCode = boundedString(20)
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dots, dashes or underscores');

export const locale = boundedString(35)
  .trim()
  .refine((value) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([value]).length === 1;
    } catch {
      return false;
    }
  }, 'must be a locale such as en-GB, en-US or de-DE');

/** True when the text holds 13–19 digits that pass the Luhn check: a card number, which we never store. */
export function looksLikeCardNumber(text: string): boolean {
  for (const match of text.matchAll(/\d[\d -]{11,30}\d/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    let sum = 0;
    for (let i = 0; i < digits.length; i += 1) {
      let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    if (sum % 10 === 0) return true;
  }
  return false;
}

/** A payment's reference (the card terminal's, a cheque number): never a card number. */
export const paymentReference = optionalText(60).refine(
  (value) => value === null || !looksLikeCardNumber(value),
  'looks like a card number: record only the terminal’s reference, never the card',
);

/** One line of a draft invoice as the check-out screen sends it. */
export const draftLine = z.object({
  /** Present for a line already saved; absent for a new one. */
  id: id('a line').optional(),
  serviceId: id('a service').nullish(),
  description: requiredText(200).optional(),
  quantity,
  unitPriceMinor: amountMinor,
  discountMinor: amountMinor.default(0),
  discountReason: optionalText(200),
  taxId: id('a tax').nullish(),
  insurerMinor: amountMinor.default(0),
  /** The named parts of the patient's part (the rest is not covered); together never more than it. */
  copayMinor: amountMinor.default(0),
  deductibleMinor: amountMinor.default(0),
  coinsuranceMinor: amountMinor.default(0),
});

export const allocationInput = z.object({
  invoiceId: id('an invoice'),
  amountMinor: positiveAmount,
});

export const denominationCount = z.object({
  denominationMinor: positiveAmount,
  count: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000, 'is too many'),
});
