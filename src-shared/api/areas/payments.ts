import { z } from 'zod';
import { procedure } from '../procedure';
import { allocationInput, localDate, methodKind, paymentReference, positiveAmount, reason } from '../../billing/fields';
import type { AllocationProposal, PaymentsJournal, PaymentView, PdfDocument, RefundView } from '../../billing/model';
import { id, optionalText } from '../../validation';

const paymentId = id('a payment');

/** payments.*: taking money (allocated to invoices, the rest credit), refunds, reversals, the journal, receipts. */
export const paymentsProcedures = {
  /** The default allocation of an amount (oldest open invoice first) and the open invoices, for the desk to edit. */
  'payments.propose': procedure<AllocationProposal>()({
    input: z.object({ patientId: id('a patient'), amountMinor: positiveAmount }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /**
   * Takes a payment. Without `allocations` it pays the oldest open invoices first; with them (edited
   * on screen) exactly those; what is left is credit. Cash needs this desk's drawer open and may give
   * `tenderedMinor` (change is worked out); a card payment records the terminal's reference only.
   * `countsFor` is today unless a date that is neither locked nor in a closed drawer is given.
   */
  'payments.take': procedure<PaymentView>()({
    input: z.object({
      patientId: id('a patient'),
      amountMinor: positiveAmount,
      methodId: id('a payment method'),
      reference: paymentReference,
      tenderedMinor: positiveAmount.optional(),
      countsFor: localDate.optional(),
      allocations: z.array(allocationInput).max(100).optional(),
      visitId: id('a visit').optional(),
      note: optionalText(300),
    }),
    access: 'billing:write',
    kind: 'write',
  }),
  'payments.get': procedure<PaymentView>()({
    input: z.object({ paymentId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** The receipt of a payment as a PDF. */
  'payments.receipt': procedure<PdfDocument>()({
    input: z.object({ paymentId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** Gives money back from a payment (by its method unless another is chosen), never more than is left of it. */
  'payments.refund': procedure<RefundView>()({
    input: z.object({ paymentId, amountMinor: positiveAmount, methodId: id('a payment method').optional(), reason }),
    access: 'billing:refund',
    kind: 'write',
  }),
  /** A payment entered by mistake: reversed by a new entry with the reason, its allocations taken back. */
  'payments.reverse': procedure<PaymentView>()({
    input: z.object({ paymentId, reason }),
    access: 'billing:refund',
    kind: 'write',
  }),
  /** Payments, refunds and reversals by the dates they count for, filtered by desk, method or user. */
  'payments.journal': procedure<PaymentsJournal>()({
    input: z.object({
      from: localDate,
      to: localDate,
      deskId: id('a desk').optional(),
      methodKind: methodKind.optional(),
      userId: id('a user').optional(),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
};
