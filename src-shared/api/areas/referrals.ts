import { z } from 'zod';
import { procedure } from '../procedure';
import { DOCUMENT_TYPES } from '../../patients/documents';
import { localDate } from '../../scheduling/fields';
import {
  REFERRAL_DIRECTIONS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  type ReferralTargets,
  type ReferralView,
  type Referrer,
} from '../../referrals/model';
import { boundedString, id, optionalText, requiredText } from '../../validation';
import { MAX_DOCUMENT_BASE64 } from './documents';

/**
 * Referrals (issue 20): letters in (to triage and book) and out (to another clinic). Receptionists own
 * them and managers see them all (`referrals:manage`, given to both); every read names patients, so
 * every read is audited, and every change is.
 */

const direction = z.enum(REFERRAL_DIRECTIONS, { error: 'must be in or out' });
const urgency = z.enum(REFERRAL_URGENCIES, { error: `must be one of ${REFERRAL_URGENCIES.join(', ')}` });
const status = z.enum(REFERRAL_STATUSES, { error: `must be one of ${REFERRAL_STATUSES.join(', ')}` });
const targetDays = z
  .number({ error: 'must be a number of days' })
  .int('must be a whole number of days')
  .min(0, 'must be 0 days or more')
  .max(365, 'must be at most 365 days');

/** The letter, kept in the patient's documents (kind "referral"). */
const letter = z.object({
  fileName: requiredText(200),
  mimeType: z.enum(DOCUMENT_TYPES, { error: 'must be a PDF, PNG or JPEG file' }),
  contentBase64: boundedString(MAX_DOCUMENT_BASE64, 'must be at most 5 MiB').regex(
    z.regexes.base64,
    'must be the file encoded as base64',
  ),
});

const createInput = z.object({
  direction,
  /** The clinic date the letter came in (in) or went out (out). */
  letterOn: localDate,
  referrerId: id('a referrer'),
  patientId: id('a patient'),
  reason: requiredText(500),
  urgency: urgency.default('routine'),
  /** The appointment type (kind of provider) the patient should see. */
  appointmentTypeId: id('an appointment type').optional(),
  letter: letter.optional(),
});
export type ReferralCreateInput = z.output<typeof createInput>;

const moveInput = z.object({
  referralId: id('a referral'),
  to: status,
  /** Why it is declined (required then). */
  reason: optionalText(500),
  /** The appointment booked for it (required to move to booked). */
  appointmentId: id('an appointment').optional(),
});
export type ReferralMoveInput = z.output<typeof moveInput>;

const listInput = z.object({
  direction: direction.default('in'),
  /** `open`: not yet closed or declined (the work list); `closed`: closed or declined. */
  status: z.enum(['open', 'closed'], { error: 'must be open or closed' }).default('open'),
  patientId: id('a patient').optional(),
});
export type ReferralListInput = z.output<typeof listInput>;

const referrerInput = z.object({
  name: requiredText(120),
  organisation: optionalText(160),
  phone: optionalText(40),
});
export type ReferrerInput = z.output<typeof referrerInput>;

export const referralsProcedures = {
  /** The work list: most urgent first, then oldest letter; overdue ones say so in `targetState`. */
  'referrals.list': procedure<ReferralView[]>()({
    input: listInput,
    access: 'referrals:manage',
    kind: 'read',
    phi: true,
  }),
  'referrals.get': procedure<ReferralView>()({
    input: z.object({ referralId: id('a referral') }),
    access: 'referrals:manage',
    kind: 'read',
    phi: true,
  }),
  'referrals.create': procedure<ReferralView>()({ input: createInput, access: 'referrals:manage', kind: 'write' }),
  /** A status move; refused with the machine's reason (in words) when not allowed. */
  'referrals.move': procedure<ReferralView>()({ input: moveInput, access: 'referrals:manage', kind: 'write' }),
  /** The directory of referring providers and organisations to pick from. */
  'referrals.referrers': procedure<Referrer[]>()({ input: z.object({}), access: 'referrals:manage', kind: 'read' }),
  'referrals.addReferrer': procedure<Referrer>()({ input: referrerInput, access: 'referrals:manage', kind: 'write' }),
  /** Target days to an appointment per urgency (a clinic setting). */
  'referrals.targets': procedure<ReferralTargets>()({ input: z.object({}), access: 'referrals:manage', kind: 'read' }),
  'referrals.saveTargets': procedure<ReferralTargets>()({
    input: z.object({ urgentDays: targetDays, soonDays: targetDays, routineDays: targetDays }),
    access: 'settings:manage',
    kind: 'write',
  }),
};
