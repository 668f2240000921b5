import { z } from 'zod';
import { procedure } from '../procedure';
import { CLAIM_STATUSES } from '../../billing/claim-status';
import { amountMinor, localDate, remittanceCode } from '../../billing/fields';
import type { ClaimView, ClaimWorkList, PdfDocument } from '../../billing/model';
import { id, optionalText } from '../../validation';

const claimId = id('a claim');
const status = z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(', ')}` });

/** claims.*: insurance claims tracked from draft to closed, remittances posted per line, the work list. */
export const claimsProcedures = {
  /** A claim from an invoice's insured lines (primary), or for what a primary left to the patient (secondary: name the primary claim). */
  'claims.create': procedure<ClaimView>()({
    input: z.object({
      invoiceId: id('an invoice'),
      policyId: id('a policy').optional(),
      primaryClaimId: id('a claim').optional(),
    }),
    access: 'billing:claims',
    kind: 'write',
  }),
  /** A move by hand: submitted, accepted, rejected (reason), back to draft when corrected, appealed, closed. */
  'claims.move': procedure<ClaimView>()({
    input: z.object({
      claimId,
      to: status,
      reason: optionalText(500),
      onDate: localDate.optional(),
      payerReference: optionalText(60),
    }),
    access: 'billing:claims',
    kind: 'write',
  }),
  /** The payer's remittance, per line; the patient's responsibility moves to the patient's account. */
  'claims.postRemittance': procedure<ClaimView>()({
    input: z.object({
      claimId,
      receivedOn: localDate,
      payerReference: optionalText(60),
      lines: z
        .array(
          z.object({
            claimLineId: id('a claim line'),
            allowedMinor: amountMinor,
            paidMinor: amountMinor,
            adjustmentMinor: amountMinor.default(0),
            adjustmentCode: remittanceCode.nullish().transform((value) => value ?? null),
            patientMinor: amountMinor.default(0),
          }),
        )
        .min(1, 'post at least one line')
        .max(100),
    }),
    access: 'billing:claims',
    kind: 'write',
  }),
  'claims.get': procedure<ClaimView>()({
    input: z.object({ claimId }),
    access: 'billing:claims',
    kind: 'read',
    phi: true,
  }),
  /** Claims by status and age (oldest first), with a count per status. */
  'claims.workList': procedure<ClaimWorkList>()({
    input: z.object({
      statuses: z.array(status).max(CLAIM_STATUSES.length).optional(),
      minAgeDays: z.number().int().min(0).max(3650).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    access: 'billing:claims',
    kind: 'read',
    phi: true,
  }),
  'claims.pdf': procedure<PdfDocument>()({
    input: z.object({ claimId }),
    access: 'billing:claims',
    kind: 'read',
    phi: true,
  }),
};
