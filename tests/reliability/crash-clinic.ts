import { ADMIN } from '../helpers/temp-core';
import { MANAGER, START, openBillingClinic } from '../helpers/billing-clinic';
import { NURSE, RECEPTIONIST, signInNurse } from '../helpers/scheduling-clinic';

/** What a crash child needs to work in a clinic set up once by the parent: where, the key, and ids. */
export interface CrashClinic {
  file: string;
  dir: string;
  keyHex: string;
  drAId: string;
  drBId: string;
  consultId: string;
  cardMethodId: string;
  start: number;
}

export const CRASH_USERS = { admin: ADMIN, desk: RECEPTIONIST, nurse: NURSE, manager: MANAGER } as const;

/** Sets up a billing-ready clinic with a nurse in a temporary folder and closes it (the folder stays). */
export async function setUpCrashClinic(): Promise<CrashClinic> {
  const b = await openBillingClinic();
  await signInNurse(b.clinic);
  await b.openDrawerOnce();
  await b.clinic.core.close();
  return {
    file: b.clinic.folder.file,
    dir: b.clinic.folder.dir,
    keyHex: b.clinic.folder.key.toString('hex'),
    drAId: b.drAId,
    drBId: b.drBId,
    consultId: b.consultId,
    cardMethodId: b.methods.card,
    start: START,
  };
}

/**
 * Where each acknowledged call must be found, by the kind the child prints: a write's row by its id; an
 * audited read (`view`: patients.get of a patient) as its audit entry, which commits without waiting for
 * the disk and must survive a kill all the same.
 */
export const ACK_CHECKS = {
  patient: 'SELECT 1 FROM patients WHERE id = ?',
  appointment: 'SELECT 1 FROM appointments WHERE id = ?',
  visit: 'SELECT 1 FROM visits WHERE id = ?',
  vitals: 'SELECT 1 FROM vitals WHERE id = ?',
  payment: 'SELECT 1 FROM payments WHERE id = ?',
  view: "SELECT 1 FROM audit_log WHERE action = 'patients.get' AND target_id = ?",
} as const;
export type AckKind = keyof typeof ACK_CHECKS;
