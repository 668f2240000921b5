import { formatAmount, parseAmount, type MoneyFormat } from '../../../../src-shared/billing/money';

/** An amount as typed: the text the person sees, read by the clinic's locale only when it is sent. */
export type MoneyText = string;

/** The typed text's minor units, or the problem to show under the field. */
export function readAmount(
  text: MoneyText,
  money: MoneyFormat,
  options: { optional?: boolean } = {},
): { minor: number | undefined; problem: string | null } {
  if (options.optional && text.trim() === '') return { minor: undefined, problem: null };
  const parsed = parseAmount(text, money);
  return parsed.ok ? { minor: parsed.minor, problem: null } : { minor: undefined, problem: parsed.problem };
}

/** What an amount field starts with: "20.00". */
export function amountText(minor: number, money: MoneyFormat): MoneyText {
  return formatAmount(minor, money);
}
