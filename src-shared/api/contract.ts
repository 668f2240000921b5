import type { AnyProcedure, InputOf, OutputOf } from './procedure';
import { auditProcedures } from './areas/audit';
import { authProcedures } from './areas/auth';
import { calendarProcedures } from './areas/calendar';
import { documentsProcedures } from './areas/documents';
import { consentsProcedures } from './areas/consents';
import { intakeProcedures } from './areas/intake';
import { patientsProcedures } from './areas/patients';
import { remindersProcedures } from './areas/reminders';
import { scheduleProcedures } from './areas/schedule';
import { appointmentsProcedures } from './areas/appointments';
import { seriesProcedures } from './areas/series';
import { waitlistProcedures } from './areas/waitlist';
import { settingsProcedures } from './areas/settings';
import { systemProcedures } from './areas/system';
import { usersProcedures } from './areas/users';
import { visitsProcedures } from './areas/visits';
import { vitalsProcedures } from './areas/vitals';
import { accountsProcedures } from './areas/accounts';
import { billingProcedures } from './areas/billing';
import { claimsProcedures } from './areas/claims';
import { drawersProcedures } from './areas/drawers';
import { feesProcedures } from './areas/fees';
import { invoicesProcedures } from './areas/invoices';
import { paymentsProcedures } from './areas/payments';
import { statementsProcedures } from './areas/statements';
import { backupsProcedures } from './areas/backups';
import { fhirExportProcedures } from './areas/fhir-export';
import { reportsProcedures } from './areas/reports';
import { stockProcedures } from './areas/stock';
import { stockroomProcedures } from './areas/stockroom';
import { stocktakeProcedures } from './areas/stocktake';
import { purchasingProcedures } from './areas/purchasing';
import { syncProcedures } from './areas/sync';
import { conflictsProcedures } from './areas/conflicts';
import { devicesProcedures } from './areas/devices';
import { tasksProcedures } from './areas/tasks';
import { referralsProcedures } from './areas/referrals';
import { communicationsProcedures } from './areas/communications';
import { notificationsProcedures } from './areas/notifications';

/** Merges the areas' maps, refusing a name declared twice. */
function mergeAreas<T extends Record<string, AnyProcedure>[]>(...areas: T): UnionToIntersection<T[number]> {
  const merged: Record<string, AnyProcedure> = {};
  for (const area of areas) {
    for (const [name, def] of Object.entries(area)) {
      if (name in merged) throw new Error(`Procedure ${name} is declared twice`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

export const contract = mergeAreas(
  systemProcedures,
  authProcedures,
  settingsProcedures,
  usersProcedures,
  auditProcedures,
  patientsProcedures,
  scheduleProcedures,
  appointmentsProcedures,
  documentsProcedures,
  consentsProcedures,
  remindersProcedures,
  visitsProcedures,
  vitalsProcedures,
  seriesProcedures,
  waitlistProcedures,
  calendarProcedures,
  intakeProcedures,
  billingProcedures,
  backupsProcedures,
  feesProcedures,
  invoicesProcedures,
  paymentsProcedures,
  accountsProcedures,
  drawersProcedures,
  claimsProcedures,
  statementsProcedures,
  reportsProcedures,
  stockProcedures,
  stockroomProcedures,
  stocktakeProcedures,
  purchasingProcedures,
  syncProcedures,
  conflictsProcedures,
  devicesProcedures,
  tasksProcedures,
  communicationsProcedures,
  notificationsProcedures,
  referralsProcedures,
  fhirExportProcedures,
);

export type Contract = typeof contract;
export type ProcedureName = Extract<keyof Contract, string>;
export type Input<N extends ProcedureName> = InputOf<Contract[N]>;
export type Output<N extends ProcedureName> = OutputOf<Contract[N]>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
