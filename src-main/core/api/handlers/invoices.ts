import { ApiError } from '../../../../src-shared/api/errors';
import { billingContext } from '../../billing/context';
import { checkOutView, createInvoice, invoiceIdForVisit } from '../../billing/checkout';
import { discardDraft, requireDraft, saveDraftLines, setDraftPayer } from '../../billing/drafts';
import { findInvoice } from '../../billing/invoice-repository';
import { invoiceView } from '../../billing/invoice-view';
import { issueCreditNote, issueInvoice } from '../../billing/issue';
import { invoicePdf } from '../../billing/pdf/documents';
import type { HandlersFor } from '../context';
import { billingActor, billingChanged, printContext, viewed } from './billing-common';

type Names =
  | 'invoices.forVisit'
  | 'invoices.create'
  | 'invoices.get'
  | 'invoices.saveDraft'
  | 'invoices.setPayer'
  | 'invoices.issue'
  | 'invoices.discard'
  | 'invoices.creditNote'
  | 'invoices.pdf';

export const invoicesHandlers: HandlersFor<Names> = {
  'invoices.forVisit': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const invoiceId = await invoiceIdForVisit(ctx.db, context, input.visitId, billingActor(ctx));
    const view = await checkOutView(ctx.db, context, invoiceId, input.visitId);
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id: invoiceId, patientId: view.visit.patientId },
      { visitId: input.visitId },
    );
    return view;
  },
  'invoices.create': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const id = await createInvoice(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id, patientId: input.patientId },
      { visitId: input.visitId, appointmentId: input.appointmentId },
    );
    return invoiceView(ctx.db, id);
  },
  'invoices.get': async (ctx, input) => {
    const view = await invoiceView(ctx.db, input.invoiceId);
    viewed(ctx, 'invoice', view.id, view.patientId);
    return view;
  },
  'invoices.saveDraft': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const draft = await requireDraft(ctx.db, input.invoiceId, input.expectedUpdatedAt);
    await saveDraftLines(ctx.db, context, draft, input.lines);
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id: draft.id, patientId: draft.patient_id },
      { lines: input.lines.length },
    );
    return invoiceView(ctx.db, draft.id);
  },
  'invoices.setPayer': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const draft = await requireDraft(ctx.db, input.invoiceId);
    await setDraftPayer(ctx.db, context, draft, input.policyId);
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id: draft.id, patientId: draft.patient_id },
      { policyId: input.policyId },
    );
    return invoiceView(ctx.db, draft.id);
  },
  'invoices.issue': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    if (input.lines) {
      const draft = await requireDraft(ctx.db, input.invoiceId, input.expectedUpdatedAt);
      await saveDraftLines(ctx.db, context, draft, input.lines);
    }
    const issued = await issueInvoice(
      ctx.db,
      context,
      { invoiceId: input.invoiceId, expectedUpdatedAt: input.lines ? undefined : input.expectedUpdatedAt },
      billingActor(ctx),
    );
    const { invoice } = issued;
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id: invoice.id, patientId: invoice.patient_id },
      {
        number: invoice.number,
        totalMinor: invoice.total_minor,
        patientMinor: invoice.patient_minor,
      },
    );
    return invoiceView(ctx.db, invoice.id, issued);
  },
  'invoices.discard': async (ctx, input) => {
    const draft = await requireDraft(ctx.db, input.invoiceId);
    await discardDraft(ctx.db, draft, ctx.now);
    billingChanged(ctx, 'invoice', { type: 'invoice', id: draft.id, patientId: draft.patient_id }, { discarded: true });
    return { invoiceId: draft.id };
  },
  'invoices.creditNote': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const note = await issueCreditNote(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'invoice',
      { type: 'invoice', id: note.id, patientId: note.patient_id },
      {
        credits: input.invoiceId,
        number: note.number,
        totalMinor: note.total_minor,
        reason: input.reason,
      },
    );
    return invoiceView(ctx.db, note.id);
  },
  'invoices.pdf': async (ctx, input) => {
    const invoice = await findInvoice(ctx.db, input.invoiceId);
    if (!invoice)
      throw new ApiError('NOT_FOUND', 'There is no such invoice.', { fields: { invoiceId: 'no such invoice' } });
    viewed(ctx, 'invoice', invoice.id, invoice.patient_id);
    const context = await billingContext(ctx.db, ctx.now);
    return invoicePdf(await invoiceView(ctx.db, invoice.id), printContext(context));
  },
};
