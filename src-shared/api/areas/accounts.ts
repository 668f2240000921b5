import { z } from 'zod';
import { procedure } from '../procedure';
import { adjustmentReason, positiveAmount, reason } from '../../billing/fields';
import type { AccountSummary, AccountView, ArAgeing } from '../../billing/model';
import { id, optionalText } from '../../validation';

/** accounts.*: a patient's account (ledger, balance, credit), write-offs, and the clinic's A/R ageing. */
export const accountsProcedures = {
  /** The patient account screen: ledger with running balance, open invoices, payments, write-offs, unbilled visits, claims. */
  'accounts.get': procedure<AccountView>()({
    input: z.object({ patientId: id('a patient') }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** Balance, credit and what is owed since when: the patient banner's line. */
  'accounts.summary': procedure<AccountSummary>()({
    input: z.object({ patientId: id('a patient') }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** Writes off part or all of what the patient owes on an invoice. */
  'accounts.adjust': procedure<AccountSummary>()({
    input: z.object({
      invoiceId: id('an invoice'),
      amountMinor: positiveAmount,
      reasonCode: adjustmentReason,
      note: optionalText(300),
    }),
    access: 'billing:adjust',
    kind: 'write',
  }),
  'accounts.reverseAdjustment': procedure<AccountSummary>()({
    input: z.object({ adjustmentId: id('a write-off'), reason }),
    access: 'billing:adjust',
    kind: 'write',
  }),
  /** A/R ageing as of today, by patient (the largest `limit`, totals over all) and by payer. */
  'accounts.ageing': procedure<ArAgeing>()({
    input: z.object({ limit: z.number().int().min(1).max(5000).default(200) }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
};
