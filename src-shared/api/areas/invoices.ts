import { z } from 'zod';
import { procedure } from '../procedure';
import { draftLine, reason } from '../../billing/fields';
import type { CheckOutView, InvoiceView, PdfDocument } from '../../billing/model';
import { id, optionalId } from '../../validation';

const invoiceId = id('an invoice');
const expectedUpdatedAt = z.number().int().optional();
const lines = z.array(draftLine).max(100, 'at most 100 lines');

/** invoices.*: drafts built from visits, edited, issued (then immutable), corrected by credit notes, printed. */
export const invoicesProcedures = {
  /**
   * The check-out screen in one call: the visit's invoice (the newest, or a draft built from its
   * appointment type's services on the first ask — asking again returns the same one), the account,
   * open invoices, services, taxes, payment methods, policies and this desk's drawer.
   */
  'invoices.forVisit': procedure<CheckOutView>()({
    input: z.object({ visitId: id('a visit') }),
    access: 'billing:write',
    kind: 'write',
  }),
  /** From the patient's account: an invoice for a visit or appointment that has none, or a blank one. */
  'invoices.create': procedure<InvoiceView>()({
    input: z.object({
      patientId: id('a patient'),
      visitId: id('a visit').optional(),
      appointmentId: id('an appointment').optional(),
    }),
    access: 'billing:write',
    kind: 'write',
  }),
  'invoices.get': procedure<InvoiceView>()({
    input: z.object({ invoiceId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** Replaces a draft's lines (lines with an id are kept and changed, missing ones removed). */
  'invoices.saveDraft': procedure<InvoiceView>()({
    input: z.object({ invoiceId, lines, expectedUpdatedAt }),
    access: 'billing:write',
    kind: 'write',
  }),
  /** Who pays: one of the patient's policies, or null for self-pay; service lines are priced again from that payer's schedule. */
  'invoices.setPayer': procedure<InvoiceView>()({
    input: z.object({ invoiceId, policyId: optionalId('a policy') }),
    access: 'billing:write',
    kind: 'write',
  }),
  /**
   * Issues a draft (saving `lines` first when given): its figures are recorded, it gets this desk's
   * next number and never changes again; the patient's credit pays it at once, oldest first.
   */
  'invoices.issue': procedure<InvoiceView>()({
    input: z.object({ invoiceId, lines: lines.optional(), expectedUpdatedAt }),
    access: 'billing:write',
    kind: 'write',
  }),
  /** Drops a draft nobody will issue (it has no number and moved no money). */
  'invoices.discard': procedure<{ invoiceId: string }>()({
    input: z.object({ invoiceId }),
    access: 'billing:write',
    kind: 'write',
  }),
  /** Corrects an issued invoice: a credit note taking back the lines named (all not yet credited when none are). */
  'invoices.creditNote': procedure<InvoiceView>()({
    input: z.object({ invoiceId, lineIds: z.array(id('a line')).min(1).max(100).optional(), reason }),
    access: 'billing:adjust',
    kind: 'write',
  }),
  'invoices.pdf': procedure<PdfDocument>()({
    input: z.object({ invoiceId }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
};
