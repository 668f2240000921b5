import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocationProblems, defaultAllocation } from '../../src-shared/billing/allocation';
import { bucketOf } from '../../src-shared/billing/ageing';
import { looksLikeCardNumber } from '../../src-shared/billing/fields';
import { currencyDigits, formatAmount, formatMoney, moneyFormat, parseAmount } from '../../src-shared/billing/money';
import { formatRate, invoiceFigures, lineFigures, parseRate, type LineInput } from '../../src-shared/billing/tax';

const gbp = moneyFormat('GBP', 'en-GB');
const eur = moneyFormat('EUR', 'de-DE');
const parsed = (text: string, format = gbp) => {
  const result = parseAmount(text, format);
  return result.ok ? result.minor : result.problem;
};

describe('money', () => {
  it('takes the minor unit digits from Intl: pence, yen without, dinar with three', () => {
    expect([currencyDigits('GBP'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('reads amounts as the clinic writes them, into whole minor units, never through a float', () => {
    expect(parsed('12.5')).toBe(1250);
    expect(parsed('1,234.50')).toBe(123450);
    expect(parsed('£40')).toBe(4000);
    expect(parsed(' 0.10 ')).toBe(10);
    expect(parsed('12,50', eur)).toBe(1250);
    expect(parsed('1.234,50 €', eur)).toBe(123450);
    // 0.1 + 0.2 style traps cannot happen: the digits are joined, not multiplied.
    expect(parsed('1234567890.29')).toBe(123456789029);
    expect(parsed('500', moneyFormat('JPY', 'ja-JP'))).toBe(500);
    expect(parsed('1.005', moneyFormat('KWD', 'en'))).toBe(1005);
    expect(parsed('12.500')).toBe(1250);
  });

  it('refuses what is not an amount, saying how to write it', () => {
    expect(parsed('12,50')).toMatch(/use \. for decimals/);
    expect(parsed('12.5', eur)).toMatch(/use , for decimals/);
    expect(parsed('1.234')).toMatch(/at most 2 decimal places/);
    expect(parsed('12.5', moneyFormat('JPY', 'en'))).toMatch(/no minor unit/);
    expect(parsed('-5')).toMatch(/negative/);
    expect(parsed('abc')).toMatch(/written like/);
    expect(parsed('')).toMatch(/amount such as/);
    expect(parsed('99999999999999')).toMatch(/too large/);
  });

  it('formats integer amounts in the clinic’s currency and locale', () => {
    expect(formatMoney(4000, gbp)).toBe('£40.00');
    expect(formatMoney(-1250, gbp)).toBe('-£12.50');
    expect(formatMoney(123450, eur)).toBe('1.234,50\u00a0€');
    expect(formatMoney(500, moneyFormat('JPY', 'en'))).toBe('¥500');
    expect(formatAmount(5, gbp)).toBe('0.05');
  });
});

const line = (over: Partial<LineInput> = {}): LineInput => ({
  quantity: 1,
  unitPriceMinor: 1000,
  discountMinor: 0,
  taxRatePpm: 200_000,
  taxInclusive: false,
  insurerMinor: 0,
  ...over,
});

describe('tax', () => {
  it('adds exclusive tax and takes inclusive tax out of the price, rounding half up', () => {
    expect(lineFigures(line({ unitPriceMinor: 1250 }))).toMatchObject({
      netMinor: 1250,
      taxMinor: 250,
      totalMinor: 1500,
    });
    // 0.5 of a penny rounds up: 2.5% of 20p = 0.5p.
    expect(lineFigures(line({ unitPriceMinor: 20, taxRatePpm: 25_000 })).taxMinor).toBe(1);
    // £12.00 including 20%: the tax is 12/6 = £2.00.
    expect(lineFigures(line({ unitPriceMinor: 1200, taxInclusive: true }))).toMatchObject({
      netMinor: 1000,
      taxMinor: 200,
      totalMinor: 1200,
    });
    expect(lineFigures(line({ quantity: 3, unitPriceMinor: 1000, discountMinor: 500 }))).toMatchObject({
      amountMinor: 2500,
      taxMinor: 500,
    });
  });

  it('rounds per line or per invoice; per invoice shares the tax so the lines still add up to the total', () => {
    // Three lines of 2p at 25%: 0.5p each. Per line: 1p × 3 = 3p. Per invoice: 1.5p → 2p.
    const lines = [1, 2, 3].map(() => line({ unitPriceMinor: 2, taxRatePpm: 250_000 }));
    const perLine = invoiceFigures(lines, 'per_line');
    const perInvoice = invoiceFigures(lines, 'per_invoice');
    expect(perLine.taxMinor).toBe(3);
    expect(perInvoice.taxMinor).toBe(2);
    expect(perInvoice.lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(perInvoice.totalMinor);
    expect(perInvoice.lines.map((l) => l.taxMinor)).toEqual([1, 1, 0]);
    expect(perInvoice.taxes).toEqual([{ ratePpm: 250_000, inclusive: false, netMinor: 6, taxMinor: 2 }]);
  });

  it('writes and reads rates as percentages without floats', () => {
    expect([formatRate(200_000), formatRate(88_750), formatRate(0), formatRate(5_000)]).toEqual([
      '20%',
      '8.875%',
      '0%',
      '0.5%',
    ]);
    expect([parseRate('20'), parseRate('8.875%'), parseRate('0,5'), parseRate('101'), parseRate('x')]).toEqual([
      200_000,
      88_750,
      5_000,
      null,
      null,
    ]);
  });
});

describe('allocation and ageing', () => {
  const open = [
    { invoiceId: 'b', number: 'A-000002', issuedOn: '2026-02-01', openMinor: 3000 },
    { invoiceId: 'a', number: 'A-000001', issuedOn: '2026-01-01', openMinor: 2000 },
  ];

  it('pays the oldest open invoice first and leaves the rest as credit', () => {
    expect(defaultAllocation(open, 4000)).toEqual([
      { invoiceId: 'a', amountMinor: 2000 },
      { invoiceId: 'b', amountMinor: 2000 },
    ]);
    expect(defaultAllocation(open, 9000).reduce((sum, a) => sum + a.amountMinor, 0)).toBe(5000);
  });

  it('refuses edited allocations beyond an invoice, beyond the payment or to another patient’s invoice, by field', () => {
    expect(allocationProblems(open, 1000, [{ invoiceId: 'a', amountMinor: 2500 }])).toMatchObject({
      'allocations.0.amountMinor': expect.stringMatching(/A-000001 still owes/) as string,
      allocations: 'add up to more than the payment',
    });
    expect(allocationProblems(open, 5000, [{ invoiceId: 'z', amountMinor: 10 }])).toEqual({
      'allocations.0.invoiceId': 'is not an open invoice of this patient',
    });
  });

  it('ages by days since issue: 0–30, 31–60, 61–90, 91–120, 120+', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 120, 121].map(bucketOf)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '91-120',
      '91-120',
      '120+',
    ]);
  });

  it('knows a card number when it sees one, so it is never stored as a reference', () => {
    expect(looksLikeCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(looksLikeCardNumber('TID 00042 AUTH 839201')).toBe(false);
  });
});

/**
 * No float touches money: billing code never parses or formats amounts through floats, and never
 * scales by 100. A line may opt out only with a `money-ok:` comment saying why (the one exact BigInt
 * conversion in money.ts).
 */
describe('no floats in billing code', () => {
  const root = join(import.meta.dirname, '../..');
  const folders = ['src-main/core/billing', 'src-shared/billing'];
  const handlers = [
    'billing',
    'billing-common',
    'fees',
    'invoices',
    'payments',
    'accounts',
    'drawers',
    'claims',
    'statements',
  ].map((name) => `src-main/core/api/handlers/${name}.ts`);
  const files = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const banned = [/parseFloat/, /toFixed/, /\bNumber\(/, /\/\s*100\b/, /\*\s*100\b/, /Math\.round\(/, /\d\.\d+\s*\*/];

  it('finds no parseFloat, toFixed, Number(…), / 100, * 100 or Math.round in billing code', () => {
    const all = [...folders.flatMap(files), ...handlers];
    expect(all.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of all) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          if (text.includes('money-ok:')) return;
          for (const pattern of banned)
            if (pattern.test(text)) found.push(`${relative(root, join(root, file))}:${index + 1}: ${text.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('would catch one (the scan is not blind)', () => {
    expect(banned.some((pattern) => pattern.test('const pounds = cents / 100;'))).toBe(true);
    expect(banned.some((pattern) => pattern.test('amount.toFixed(2)'))).toBe(true);
  });
});
