import { z } from 'zod';
import { procedure } from '../procedure';
import {
  CALL_OUTCOMES,
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_KINDS,
  type CommunicationView,
  type TaskView,
} from '../../tasks/model';
import { id, optionalText, requiredText } from '../../validation';
import { taskFields } from './tasks';

/**
 * The communication log (issue 20): every contact with a patient, shown on their page. A person logs calls
 * (in or out, with the outcome), letters, emails and SMS; reminders the outbox sent appear by themselves.
 * "Log a call" may make its follow-up task in the same step (one transaction: both or neither).
 */

const logInput = z
  .object({
    patientId: id('a patient'),
    appointmentId: id('an appointment').optional(),
    kind: z.enum(COMMUNICATION_KINDS, { error: `must be one of ${COMMUNICATION_KINDS.join(', ')}` }),
    direction: z.enum(COMMUNICATION_DIRECTIONS, { error: 'must be in or out' }),
    /** A call's outcome; only calls have one. */
    outcome: z.enum(CALL_OUTCOMES, { error: `must be one of ${CALL_OUTCOMES.join(', ')}` }).optional(),
    /** Who was on the other end, when not the patient ("her daughter", "St Mary's ward 3"). */
    withWhom: optionalText(200),
    /** What it was about, in a few words. */
    subject: requiredText(200),
    note: optionalText(2000),
    /** When it happened (epoch ms); left out: now. A contact cannot be logged ahead of time. */
    at: z.number().int('must be an instant in epoch milliseconds').min(0).optional(),
    /** A follow-up task made in the same step (needs `tasks:team`). */
    followUp: taskFields.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'call' && entry.outcome === undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'say how the call went' });
    }
    if (entry.kind !== 'call' && entry.outcome !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'only a call has an outcome' });
    }
  });
export type CommunicationLogInput = z.output<typeof logInput>;

export const communicationsProcedures = {
  'communications.log': procedure<{ entry: CommunicationView; task: TaskView | null }>()({
    input: logInput,
    access: 'comms:write',
    kind: 'write',
  }),
  /** A patient's log, newest first: logged contacts and the reminders sent (or failed) for their appointments. */
  'communications.list': procedure<CommunicationView[]>()({
    input: z.object({ patientId: id('a patient'), limit: z.number().int().min(1).max(500).default(100) }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
};
