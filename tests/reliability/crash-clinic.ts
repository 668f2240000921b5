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

/** The tables each acknowledged write lands in, by the kind the child prints. */
export const ACK_TABLES = {
  patient: 'patients',
  appointment: 'appointments',
  visit: 'visits',
  vitals: 'vitals',
  payment: 'payments',
} as const;
export type AckKind = keyof typeof ACK_TABLES;
