import { z } from 'zod';
import { procedure } from '../procedure';
import { amountMinor, localDate } from '../../billing/fields';
import type { PdfDocument, StatementView } from '../../billing/model';
import { id } from '../../validation';

const range = { from: localDate, to: localDate };

/** statements.*: a patient's statement for a date range with ageing, and a batch for everyone owing more than an amount. */
export const statementsProcedures = {
  'statements.get': procedure<StatementView>()({
    input: z.object({ patientId: id('a patient'), ...range }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  'statements.pdf': procedure<PdfDocument>()({
    input: z.object({ patientId: id('a patient'), ...range }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
  /** One PDF with a statement for each patient owing more than `minBalanceMinor` (the largest first, at most `limit`). */
  'statements.batch': procedure<{
    patients: { patientId: string; name: string; balanceMinor: number }[];
    more: boolean;
    pdf: PdfDocument;
  }>()({
    input: z.object({ minBalanceMinor: amountMinor, ...range, limit: z.number().int().min(1).max(500).default(200) }),
    access: 'billing:read',
    kind: 'read',
    phi: true,
  }),
};
