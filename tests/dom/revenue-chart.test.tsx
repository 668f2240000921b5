// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { coreBridge } from './core-bridge';
import type { RevenueChart as RevenueChartComponent } from '../../src-renderer/src/screens/reports/ReportCharts';

let billing: BillingClinic;
let RevenueChart: typeof RevenueChartComponent;

beforeAll(async () => {
  billing = await openBillingClinic();
  window.clinic = coreBridge(billing.clinic.core, 'manager').bridge;
  ({ RevenueChart } = await import('../../src-renderer/src/screens/reports/ReportCharts'));
});

afterAll(async () => {
  cleanup();
  await billing.clinic.close();
});

describe('the revenue chart', () => {
  it('reads its money axis in whole pounds: a week with nothing goes from £0.00 to £1.00, not to £0.01', async () => {
    const report = await billing.clinic.ok('manager', 'reports.revenue', { from: MONDAY, to: '2026-11-29' });
    expect(report.totals.netInvoicedMinor).toBe(0);
    render(<RevenueChart report={report} />);
    const ticks = [...document.querySelectorAll('.chart-tick')].map((tick) => tick.textContent);
    expect(ticks.filter((tick) => tick?.startsWith('£'))).toEqual(['£0.00', '£1.00']);
    screen.getByRole('img', { name: /£0\.00/ });
  });
});
