import { AGEING_BUCKETS, type AgeingAmounts } from '../../../src-shared/billing/ageing';
import type { PdfDocument } from '../../../src-shared/billing/model';
import { formatMoney } from '../../../src-shared/billing/money';
import {
  RECEIVABLES_DEFINITIONS,
  type AgeingReport,
  type ClaimFigures,
  type ClaimsReport,
} from '../../../src-shared/reports/receivables';
import type { PrintContext } from '../billing/pdf/documents';
import { PdfWriter, type Column } from '../billing/pdf/layout';
import { csvLines, head } from './csv';
import { definitions, head as pdfHead } from './pdf';

/** A/R ageing and claims by status and age as CSV and PDF, with their definitions word for word as the screen states them. */

const AGEING_DEFINITIONS = [RECEIVABLES_DEFINITIONS.ageing, RECEIVABLES_DEFINITIONS.ageingFilters];

function claimDefinitions(report: ClaimsReport): string[] {
  return [
    RECEIVABLES_DEFINITIONS.claims,
    RECEIVABLES_DEFINITIONS.claimAmounts,
    ...(report.filters.payer ? [RECEIVABLES_DEFINITIONS.claimsPayer] : []),
  ];
}

const buckets = (amounts: AgeingAmounts) => AGEING_BUCKETS.map((bucket) => amounts[bucket]);
const BUCKET_HEAD = AGEING_BUCKETS.map((bucket) => `${bucket} days`);

export function ageingCsv(report: AgeingReport, ranBy: string): string {
  const { ageing } = report;
  return csvLines([
    ...head('A/R ageing', report.filters, ranBy, report.ranAt, [
      ...AGEING_DEFINITIONS,
      `As of ${ageing.asOf}. Amounts in minor units of ${report.currency} (cents, pence).`,
    ]),
    ['Patients', `${ageing.byPatient.rows.length} of ${ageing.byPatient.patientCount}`],
    ['Patient', 'MRN', ...BUCKET_HEAD, 'Total'],
    ['All patients', null, ...buckets(ageing.byPatient.totals), ageing.byPatient.totalMinor],
    ...ageing.byPatient.rows.map((row) => [row.name, row.mrn, ...buckets(row.buckets), row.totalMinor]),
    [],
    ['Payers'],
    ['Payer', ...BUCKET_HEAD, 'Total'],
    ['All payers', ...buckets(ageing.byPayer.totals), ageing.byPayer.totalMinor],
    ...ageing.byPayer.rows.map((row) => [row.payer, ...buckets(row.buckets), row.totalMinor]),
  ]);
}

export function claimsCsv(report: ClaimsReport, ranBy: string): string {
  const figures = (f: ClaimFigures) => [f.claims, f.billedMinor, f.outstandingMinor];
  const ages = AGEING_BUCKETS.flatMap((bucket) => [`${bucket} days: claims`, `${bucket} days: outstanding`]);
  const byAge = (row: ClaimsReport['totals']) =>
    AGEING_BUCKETS.flatMap((bucket) => [row.byAge[bucket].claims, row.byAge[bucket].outstandingMinor]);
  return csvLines([
    ...head('Claims by status and age', report.filters, ranBy, report.ranAt, [
      ...claimDefinitions(report),
      `As of ${report.today}. Amounts in minor units of ${report.currency} (cents, pence).`,
    ]),
    ['Status', 'Claims', 'Billed', 'Outstanding', ...ages],
    ['All', ...figures(report.totals), ...byAge(report.totals)],
    ...report.byStatus.map((row) => [row.status, ...figures(row), ...byAge(row)]),
  ]);
}

const AGE_COLUMNS: Column[] = [
  { width: 139 },
  ...Array.from({ length: 6 }, () => ({ width: 60, align: 'right' as const })),
];

export async function ageingPdf(report: AgeingReport, p: PrintContext, ranBy: string): Promise<PdfDocument> {
  const money = (minor: number) => formatMoney(minor, p.money);
  const { ageing } = report;
  const w = await PdfWriter.create('A/R ageing');
  pdfHead(w, 'A/R ageing', report.filters, p, ranBy, report.ranAt);
  w.row(['Payer', ...BUCKET_HEAD, 'Total'], AGE_COLUMNS, { bold: true });
  w.rule();
  w.row(['All payers', ...buckets(ageing.byPayer.totals).map(money), money(ageing.byPayer.totalMinor)], AGE_COLUMNS, {
    bold: true,
  });
  for (const row of ageing.byPayer.rows)
    w.row([row.payer, ...buckets(row.buckets).map(money), money(row.totalMinor)], AGE_COLUMNS);
  w.space();
  w.text(`Patients: the ${ageing.byPatient.rows.length} largest of ${ageing.byPatient.patientCount} who owe`);
  w.row(['Patient', ...BUCKET_HEAD, 'Total'], AGE_COLUMNS, { bold: true });
  w.rule();
  w.row(
    ['All patients', ...buckets(ageing.byPatient.totals).map(money), money(ageing.byPatient.totalMinor)],
    AGE_COLUMNS,
    { bold: true },
  );
  for (const row of ageing.byPatient.rows)
    w.row([`${row.name} (${row.mrn})`, ...buckets(row.buckets).map(money), money(row.totalMinor)], AGE_COLUMNS);
  definitions(w, AGEING_DEFINITIONS);
  return w.finish(`ageing-${ageing.asOf}.pdf`);
}

export async function claimsPdf(report: ClaimsReport, p: PrintContext, ranBy: string): Promise<PdfDocument> {
  const money = (minor: number) => formatMoney(minor, p.money);
  const w = await PdfWriter.create('Claims by status and age');
  pdfHead(w, 'Claims by status and age', report.filters, p, ranBy, report.ranAt);
  const cells = (row: ClaimsReport['totals']) => [
    ...AGEING_BUCKETS.map((bucket) => String(row.byAge[bucket].claims)),
    money(row.outstandingMinor),
  ];
  w.row(['Status (claims by age in days)', ...AGEING_BUCKETS, 'Outstanding'], AGE_COLUMNS, { bold: true });
  w.rule();
  w.row([`All (${report.totals.claims})`, ...cells(report.totals)], AGE_COLUMNS, { bold: true });
  for (const row of report.byStatus)
    w.row([`${row.status.replace('_', ' ')} (${row.claims})`, ...cells(row)], AGE_COLUMNS);
  w.text('Billed', { right: money(report.totals.billedMinor) });
  definitions(w, claimDefinitions(report));
  return w.finish(`claims-${report.today}.pdf`);
}
