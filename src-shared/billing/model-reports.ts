/** What the billing procedures answer about drawers, claims, statements and A/R (re-exported by model.ts). */
import type { AgeingAmounts } from './ageing';
import type { ClaimStatus } from './claim-status';
import type { MoneyFormat } from './money';
import type { PaymentMethodKind } from './reason-codes';
import type { DeskView, JournalRow, LedgerEntry } from './model';

// ---- drawers -------------------------------------------------------------------------------------

export interface MethodTotals {
  methodKind: PaymentMethodKind;
  methodName: string;
  count: number;
  paymentsMinor: number;
  refundsMinor: number;
  reversalsMinor: number;
  netMinor: number;
}

export interface DrawerSummary {
  id: string;
  deskId: string;
  deskName: string;
  businessDate: string;
  floatMinor: number;
  openedAt: number;
  openedBy: string | null;
  closedAt: number | null;
  closedBy: string | null;
  /** Float + cash taken − cash refunded − cash reversed. */
  expectedCashMinor: number;
  countedCashMinor: number | null;
  overShortMinor: number | null;
  overShortReason: string | null;
  byMethod: MethodTotals[];
}

/** The drawer screen: this desk, its open drawer (if any) and the notes and coins to count. */
export interface DrawerState {
  desk: DeskView;
  drawer: DrawerSummary | null;
  /** The newest closed drawer of this desk, for its Z-report. */
  lastClosed: DrawerSummary | null;
  denominations: number[];
  money: MoneyFormat;
}

export interface ZReport {
  drawer: DrawerSummary;
  counts: { denominationMinor: number; count: number }[];
  rows: JournalRow[];
  money: MoneyFormat;
}

export interface DaySummary {
  date: string;
  desks: {
    deskId: string;
    deskName: string;
    drawers: number;
    open: number;
    byMethod: MethodTotals[];
    overShortMinor: number;
  }[];
  byMethod: MethodTotals[];
  netMinor: number;
}

// ---- claims --------------------------------------------------------------------------------------

export interface ClaimSummary {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  patientId: string;
  patientName: string;
  payer: string;
  sequence: 'primary' | 'secondary';
  status: ClaimStatus;
  statusAt: number;
  /** Days since it was submitted (or created, for a draft). */
  ageDays: number;
  billedMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

export interface ClaimLineView {
  id: string;
  invoiceLineId: string;
  code: string | null;
  description: string;
  billedMinor: number;
  primaryPaidMinor: number | null;
  allowedMinor: number;
  paidMinor: number;
  adjustmentMinor: number;
  patientMinor: number;
  /** Billed less what the remittances settled (paid, adjusted, moved to the patient). */
  outstandingMinor: number;
}

export interface ClaimView extends ClaimSummary {
  policyId: string;
  memberId: string;
  primaryClaimId: string | null;
  /** A primary's secondary claim for what it left to the patient (not one closed unpaid). */
  secondaryClaimId: string | null;
  submittedOn: string | null;
  payerReference: string | null;
  adjustedMinor: number;
  patientMinor: number;
  lines: ClaimLineView[];
  events: {
    fromStatus: ClaimStatus | null;
    toStatus: ClaimStatus;
    onDate: string;
    at: number;
    by: string | null;
    reason: string | null;
  }[];
  remittances: {
    id: string;
    receivedOn: string;
    payerReference: string | null;
    paidMinor: number;
    postedAt: number;
    by: string | null;
  }[];
  /** Statuses a person may move it to from here. */
  moves: ClaimStatus[];
  canPostRemittance: boolean;
}

export interface ClaimWorkList {
  counts: Record<ClaimStatus, number>;
  rows: ClaimSummary[];
}

// ---- statements and A/R ---------------------------------------------------------------------------

export interface StatementView {
  patient: { id: string; name: string; mrn: string; address: string | null };
  from: string;
  to: string;
  openingBalanceMinor: number;
  entries: LedgerEntry[];
  closingBalanceMinor: number;
  /** What is open at `to`, by age. */
  ageing: AgeingAmounts;
  money: MoneyFormat;
}

export interface AgeingRow {
  patientId: string;
  name: string;
  mrn: string;
  buckets: AgeingAmounts;
  totalMinor: number;
}

export interface ArAgeing {
  asOf: string;
  byPatient: { rows: AgeingRow[]; patientCount: number; totals: AgeingAmounts; totalMinor: number };
  byPayer: {
    rows: { payer: string; buckets: AgeingAmounts; totalMinor: number }[];
    totals: AgeingAmounts;
    totalMinor: number;
  };
  money: MoneyFormat;
}
