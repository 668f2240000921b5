import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIVABLES_DEFINITIONS } from '../../src-shared/reports/receivables';
import { printable } from '../../src-main/core/billing/pdf/layout';
import { openBillingClinic, MONDAY, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { lastAudit, refused } from '../helpers/setup-audit';

/**
 * A/R ageing and claims by status and age on the Reports screen, on a real encrypted database, every
 * figure worked out by hand. Today is Monday 2026-11-23. Four insured visits, each invoiced £80.00 with
 * £60.00 expected from the insurer and a £20.00 copay:
 * - Ada (Acme Health): claim submitted 45 days ago (2026-10-09) — submitted, 31–60 days, £60.00 outstanding;
 * - Ben (Acme Health): claim left a draft, created today — draft, 0–30 days, £60.00 outstanding;
 * - Cal (Acme Health): claim submitted today, remitted £40.00 paid, £10.00 adjusted, £5.00 to the patient —
 *   partly paid, 0–30 days, £5.00 outstanding;
 * - Dee (Beta Mutual): claim submitted 130 days ago (2026-07-16) — submitted, over 120 days, £60.00.
 */
let b: BillingClinic;
const patients: Record<string, string> = {};

async function claimFor(firstName: string, payer: string) {
  const { visitId, patientId } = await b.visit(firstName);
  patients[firstName] = patientId;
  await b.clinic.ok('desk', 'patients.addInsurance', { patientId, payer, memberId: 'M-1', priority: 'primary' });
  const view = await b.checkOut(visitId);
  const line = view.invoice.lines[0];
  const invoice = await b.clinic.ok('desk', 'invoices.issue', {
    invoiceId: view.invoice.id,
    lines: [{ id: line?.id, serviceId: b.consId, quantity: 1, unitPriceMinor: 8000, insurerMinor: 6000 }],
  });
  return b.clinic.ok('manager', 'claims.create', { invoiceId: invoice.id });
}

beforeAll(async () => {
  b = await openBillingClinic();
  const ada = await claimFor('Ada', 'Acme Health');
  await b.clinic.ok('manager', 'claims.move', { claimId: ada.id, to: 'submitted', onDate: '2026-10-09' });
  await claimFor('Ben', 'Acme Health');
  const cal = await claimFor('Cal', 'Acme Health');
  await b.clinic.ok('manager', 'claims.move', { claimId: cal.id, to: 'submitted' });
  await b.clinic.ok('manager', 'claims.postRemittance', {
    claimId: cal.id,
    receivedOn: MONDAY,
    lines: [
      {
        claimLineId: cal.lines[0]?.id ?? '',
        allowedMinor: 5500,
        paidMinor: 4000,
        adjustmentMinor: 1000,
        adjustmentCode: 'CO',
        patientMinor: 500,
      },
    ],
  });
  const dee = await claimFor('Dee', 'Beta Mutual');
  await b.clinic.ok('manager', 'claims.move', { claimId: dee.id, to: 'submitted', onDate: '2026-07-16' });
}, 60_000);
afterAll(async () => {
  await b.clinic.close();
});

const range = { from: MONDAY, to: MONDAY };

describe('reports.claims', () => {
  it('counts every claim by status and age, with billed and outstanding, as of today whatever the range', async () => {
    const report = await b.clinic.ok('manager', 'reports.claims', range);
    const status = (name: string) => report.byStatus.find((row) => row.status === name);
    expect(report.today).toBe(MONDAY);
    expect(report.totals).toMatchObject({ claims: 4, billedMinor: 24_000, outstandingMinor: 18_500 });
    expect(report.totals.byAge).toEqual({
      '0-30': { claims: 2, billedMinor: 12_000, outstandingMinor: 6_500 },
      '31-60': { claims: 1, billedMinor: 6_000, outstandingMinor: 6_000 },
      '61-90': { claims: 0, billedMinor: 0, outstandingMinor: 0 },
      '91-120': { claims: 0, billedMinor: 0, outstandingMinor: 0 },
      '120+': { claims: 1, billedMinor: 6_000, outstandingMinor: 6_000 },
    });
    expect(status('submitted')).toMatchObject({ claims: 2, billedMinor: 12_000, outstandingMinor: 12_000 });
    expect(status('submitted')?.byAge['31-60'].claims).toBe(1);
    expect(status('submitted')?.byAge['120+'].claims).toBe(1);
    expect(status('draft')).toMatchObject({ claims: 1, outstandingMinor: 6_000 });
    expect(status('draft')?.byAge['0-30'].claims).toBe(1);
    expect(status('partly_paid')).toMatchObject({ claims: 1, billedMinor: 6_000, outstandingMinor: 500 });
    // Every status is listed, those with no claims as nought.
    expect(status('denied')).toMatchObject({ claims: 0, outstandingMinor: 0 });
    expect(report.payers).toEqual(['Acme Health', 'Beta Mutual']);
    // A range a year ago reads the same claims: ages count to today.
    const older = await b.clinic.ok('manager', 'reports.claims', { from: '2025-11-01', to: '2025-11-30' });
    expect(older.totals).toEqual(report.totals);
  });

  it('narrows to one payer, self-pay has none, and refuses those without billing:read', async () => {
    const beta = await b.clinic.ok('manager', 'reports.claims', { ...range, payer: 'Beta Mutual' });
    expect(beta.totals).toMatchObject({ claims: 1, outstandingMinor: 6_000 });
    expect(beta.totals.byAge['120+'].claims).toBe(1);
    const self = await b.clinic.ok('manager', 'reports.claims', { ...range, payer: '(self-pay)' });
    expect(self.totals.claims).toBe(0);
    expect(refused(await b.clinic.call('desk', 'reports.claims', range)).code).toBe('FORBIDDEN');
  });

  it('exports as CSV and PDF with its definitions and the payer, audited', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'claims', ...range, payer: 'Acme Health' });
    expect(csv.fileName).toBe(`claims-${MONDAY}-to-${MONDAY}.csv`);
    expect(csv.content).toContain('Payer,Acme Health');
    expect(csv.content).toContain(RECEIVABLES_DEFINITIONS.claims.slice(0, 60));
    expect(csv.content).toContain(RECEIVABLES_DEFINITIONS.claimsPayer);
    // All: 3 claims, £180.00 billed, £125.00 outstanding; 2 of them 0–30 days (£65.00), 1 at 31–60 (£60.00).
    expect(csv.content).toContain('\r\nAll,3,18000,12500,2,6500,1,6000,0,0,0,0,0,0\r\n');
    expect(csv.content).toContain('\r\npartly_paid,1,6000,500,1,500,0,0,0,0,0,0,0,0\r\n');
    expect((await lastAudit(b.clinic)).details).toMatchObject({ report: 'claims', payer: 'Acme Health' });
    const pdf = await pdfText(await b.clinic.ok('manager', 'reports.exportPdf', { report: 'claims', ...range }));
    expect(pdf).toContain('Claims by status and age');
    expect(pdf).toMatch(/All \(4\) 2 1 0 0 1 £185\.00/);
    expect(pdf).toContain(printed(RECEIVABLES_DEFINITIONS.claimAmounts));
    expect((await lastAudit(b.clinic)).details).toMatchObject({ report: 'claims', format: 'pdf' });
  });
});

const printed = (text: string) => printable(text.replaceAll('→', '->')).replace(/\s+/g, ' ');

describe('reports.ageing', () => {
  it('is billing’s A/R ageing as of today, naming the patients who owe, and the read is audited with them', async () => {
    const report = await b.clinic.ok('manager', 'reports.ageing', range);
    const audit = await lastAudit(b.clinic);
    expect(audit.action).toBe('reports.ageing');
    expect(new Set(audit.details?.patientIds as string[])).toEqual(new Set(Object.values(patients)));
    expect(report.ageing).toEqual(await b.clinic.ok('manager', 'accounts.ageing', { limit: 100 }));
    // Each patient owes the £20.00 copay; Cal also the £5.00 the remittance passed to him.
    expect(report.ageing.byPatient.totals['0-30']).toBe(8_500);
    expect(report.ageing.byPatient.rows[0]).toMatchObject({ totalMinor: 2_500, patientId: patients.Cal });
  });

  it('exports as CSV and PDF with its definitions, naming the patients in the audit', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'ageing', ...range, payer: 'Acme Health' });
    expect(csv.content).toContain(RECEIVABLES_DEFINITIONS.ageingFilters);
    // The payer filter does not narrow ageing: the export says no payer.
    expect(csv.content).not.toContain('Payer,Acme Health');
    expect(csv.content).toContain('\r\nAll patients,,8500,0,0,0,0,8500\r\n');
    expect(new Set((await lastAudit(b.clinic)).details?.patientIds as string[])).toEqual(
      new Set(Object.values(patients)),
    );
    const pdf = await pdfText(await b.clinic.ok('manager', 'reports.exportPdf', { report: 'ageing', ...range }));
    expect(pdf).toContain('All patients £85.00');
    expect(pdf).toContain(printed(RECEIVABLES_DEFINITIONS.ageing));
    expect(refused(await b.clinic.call('desk', 'reports.ageing', range)).code).toBe('FORBIDDEN');
  });
});
