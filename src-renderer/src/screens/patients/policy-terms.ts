import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { readAmount } from '../billing/money-field';
import { percentToPpm, ppmToPercent } from '../billing/setup/percent';

interface TypedTerms {
  copay: string;
  deductible: string;
  coinsurance: string;
}

export interface PolicyTermsRead {
  /** The clinic's money format; null for someone who does not see billing (the terms are then not asked). */
  money: MoneyFormat | null;
  values: { copayMinor: number | null; deductibleMinor: number | null; coinsurancePpm: number | null };
  /** What is wrong as typed, under main's field names. */
  problems: Record<string, string>;
}

/**
 * A policy's copay, deductible and coinsurance as typed: amounts as the clinic writes money, the rate
 * as a percentage. Left empty, a term is not known (and the insurer is expected to pay that part).
 */
export function usePolicyTerms(typed: TypedTerms): PolicyTermsRead {
  const canBill = useSession((state) => state.can('billing:read'));
  const settings = useProcedure('billing.settings', canBill ? {} : null);
  const money = settings.value?.money ?? null;
  const problems: Record<string, string> = {};
  const amount = (text: string, field: string): number | null => {
    if (!money || text.trim() === '') return null;
    const read = readAmount(text, money);
    if (read.problem) problems[field] = read.problem;
    return read.minor ?? null;
  };
  let coinsurancePpm: number | null = null;
  if (money && typed.coinsurance.trim() !== '') {
    const read = percentToPpm(typed.coinsurance);
    if (read.problem) problems.coinsurancePpm = read.problem;
    coinsurancePpm = read.ppm ?? null;
  }
  return {
    money,
    values: {
      copayMinor: amount(typed.copay, 'copayMinor'),
      deductibleMinor: amount(typed.deductible, 'deductibleMinor'),
      coinsurancePpm,
    },
    problems,
  };
}

/** The terms of a policy in words ("copay $20.00, …"), or null when none is recorded or billing is not seen. */
export function usePolicyTermsText(): (policy: {
  copayMinor: number | null;
  deductibleMinor: number | null;
  coinsurancePpm: number | null;
}) => { copay: string; deductible: string; coinsurance: string } | null {
  const canBill = useSession((state) => state.can('billing:read'));
  const settings = useProcedure('billing.settings', canBill ? {} : null);
  const money = settings.value?.money ?? null;
  return (policy) => {
    if (!money) return null;
    if (policy.copayMinor === null && policy.deductibleMinor === null && policy.coinsurancePpm === null) return null;
    const amount = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, money));
    return {
      copay: amount(policy.copayMinor),
      deductible: amount(policy.deductibleMinor),
      coinsurance: policy.coinsurancePpm === null ? '—' : ppmToPercent(policy.coinsurancePpm),
    };
  };
}
