// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOCK_REPORT_ROWS } from '../../src-shared/reports/model';
import { MONDAY } from '../helpers/billing-clinic';
import { openStockClinic, swabItem, type StockClinic } from '../helpers/stock-clinic';
import { coreBridge } from './core-bridge';
import type { StockReport as StockReportComponent } from '../../src-renderer/src/screens/reports/StockReport';

let stock: StockClinic;
let StockReport: typeof StockReportComponent;

beforeAll(async () => {
  stock = await openStockClinic();
  window.clinic = coreBridge(stock.clinic.core, 'manager').bridge;
  ({ StockReport } = await import('../../src-renderer/src/screens/reports/StockReport'));
  // A stock room larger than the screen lists: 101 items with stock, 101 lots expiring within 30 days.
  for (let n = 1; n <= 101; n += 1) {
    const item = await stock.clinic.ok('manager', 'stockroom.saveItem', swabItem(n, n));
    await stock.receive({ itemId: item.id, lotNumber: `W-${n}`, quantity: 1, expiryOn: '2026-12-10' });
  }
}, 60_000);

afterAll(async () => {
  cleanup();
  await stock.clinic.close();
});

describe('the stock report on screen', () => {
  it('lists the hundred items of greatest value and the first hundred expiring lots, and says the export has them all', async () => {
    const report = await stock.clinic.ok('manager', 'reports.stock', {
      from: MONDAY,
      to: MONDAY,
      expiringDays: 30,
    });
    render(<StockReport report={report} onDays={() => undefined} onExport={() => undefined} />);

    // 101 swabs valued 1p … £1.01: the total is every item's, the table the 100 greatest (Swab 101 first).
    const valuation = screen.getByRole('table', { name: 'Valuation: £51.51' });
    const rows = within(valuation).getAllByRole('row');
    // A header row, the 100 items and the total.
    expect(rows).toHaveLength(STOCK_REPORT_ROWS + 2);
    expect(rows[1]?.textContent).toContain('Swab 101 (SW101)');
    expect(valuation.textContent).not.toContain('Swab 001 (SW1)');
    screen.getByText('The 100 items of greatest value of 101 with stock (“Export stock (CSV)” lists them all)');

    const expiring = screen.getByRole('table', {
      name: 'The first 100 lots expiring within 30 days (“Export stock (CSV)” lists them all)',
    });
    expect(within(expiring).getAllByRole('row')).toHaveLength(STOCK_REPORT_ROWS + 1);
  });
});
