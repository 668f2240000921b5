import { describe, expect, it } from 'vitest';
// The billing screens' words, which the frame's chunk adds in the product (i18n/screens.ts).
import '../../src-renderer/src/i18n/screens';
import { moneyFormat } from '../../src-shared/billing/money';
import { linesToSend, type EditedLine } from '../../src-renderer/src/screens/billing/invoice-lines';
import { percentToPpm, ppmToPercent } from '../../src-renderer/src/screens/billing/setup/percent';

/** What the billing screens make of what a person types, before main sees it. */

const usd = moneyFormat('USD', 'en-US');
const eur = moneyFormat('EUR', 'de-DE');

function line(overrides: Partial<EditedLine> = {}): EditedLine {
  return {
    key: 'k',
    serviceId: null,
    description: 'Dressing',
    quantity: '1',
    price: '12.50',
    discount: '',
    discountReason: '',
    taxId: '',
    insurer: '',
    copay: '',
    deductible: '',
    coinsurance: '',
    ...overrides,
  };
}

describe('draft lines as typed', () => {
  it('reads prices and discounts as the clinic writes money, without a float', () => {
    const sent = linesToSend(
      [line({ quantity: '2', price: '1,234.50', discount: '0.05', discountReason: 'staff' })],
      usd,
    );
    expect(sent).toEqual({
      ok: true,
      lines: [
        expect.objectContaining({ quantity: 2, unitPriceMinor: 123_450, discountMinor: 5, discountReason: 'staff' }),
      ],
    });
    const german = linesToSend([line({ price: '1.234,50' })], eur);
    expect(german.ok && german.lines[0]?.unitPriceMinor).toBe(123_450);
  });

  it('names the cell of each problem the way main names it, so both show under the same field', () => {
    const sent = linesToSend([line(), line({ price: '12.505', quantity: 'two', discount: 'abc' })], usd);
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(Object.keys(sent.problems).sort()).toEqual([
      'lines.1.discountMinor',
      'lines.1.quantity',
      'lines.1.unitPriceMinor',
    ]);
    expect(sent.problems['lines.1.unitPriceMinor']).toBe('must have at most 2 decimal places');
  });

  it('sends an empty tax as none and keeps a saved line its id', () => {
    const sent = linesToSend([line({ id: '5d6f1f0e-2a53-4c8e-9a43-0c1b7c5b9f11', taxId: '' })], usd);
    expect(sent.ok && sent.lines[0]).toMatchObject({ id: '5d6f1f0e-2a53-4c8e-9a43-0c1b7c5b9f11', taxId: null });
  });
});

describe('tax rates typed as percentages', () => {
  it('turns 20, 7.5 and 0.0125 into parts per million and back', () => {
    expect(percentToPpm('20')).toEqual({ ppm: 200_000, problem: null });
    expect(percentToPpm('7.5%')).toEqual({ ppm: 75_000, problem: null });
    expect(percentToPpm('0.0125')).toEqual({ ppm: 125, problem: null });
    expect(ppmToPercent(200_000)).toBe('20');
    expect(ppmToPercent(75_000)).toBe('7.5');
    expect(ppmToPercent(125)).toBe('0.0125');
  });

  it('refuses what is not a percentage, or more than 100%', () => {
    expect(percentToPpm('twenty').problem).toBe('must be a percentage such as 20 or 7.5');
    expect(percentToPpm('7.12345').problem).toBe('must be a percentage such as 20 or 7.5');
    expect(percentToPpm('100.5').problem).toBe('must be at most 100%');
  });
});
