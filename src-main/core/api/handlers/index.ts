import type { Handlers } from '../context';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { calendarHandlers } from './calendar';
import { documentsHandlers } from './documents';
import { intakeHandlers } from './intake';
import { patientsHandlers } from './patients';
import { remindersHandlers } from './reminders';
import { appointmentsHandlers } from './appointments';
import { consentsHandlers } from './consents';
import { scheduleHandlers } from './schedule';
import { vitalsHandlers } from './vitals';
import { seriesHandlers } from './series';
import { waitlistHandlers } from './waitlist';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import { usersHandlers } from './users';
import { visitsHandlers } from './visits';
import { accountsHandlers } from './accounts';
import { billingHandlers } from './billing';
import { claimsHandlers } from './claims';
import { drawersHandlers } from './drawers';
import { stockHandlers } from './stock';
import { stockroomHandlers } from './stockroom';
import { stocktakeHandlers } from './stocktake';
import { purchasingHandlers } from './purchasing';
import { feesHandlers } from './fees';
import { invoicesHandlers } from './invoices';
import { paymentsHandlers } from './payments';
import { statementsHandlers } from './statements';
import { backupsHandlers } from './backups';
import { reportsHandlers } from './reports';
import { syncHandlers } from './sync';
import { conflictsHandlers } from './conflicts';
import { devicesHandlers } from './devices';
import { tasksHandlers } from './tasks';
import { referralsHandlers } from './referrals';
import { interopHandlers } from './interop';
import { communicationsHandlers } from './communications';
import { notificationsHandlers } from './notifications';
import { calendarFeedsHandlers } from './ical';

/** Every procedure's implementation; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...settingsHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...patientsHandlers,
  ...scheduleHandlers,
  ...appointmentsHandlers,
  ...documentsHandlers,
  ...consentsHandlers,
  ...remindersHandlers,
  ...visitsHandlers,
  ...vitalsHandlers,
  ...seriesHandlers,
  ...waitlistHandlers,
  ...calendarHandlers,
  ...intakeHandlers,
  ...billingHandlers,
  ...feesHandlers,
  ...invoicesHandlers,
  ...paymentsHandlers,
  ...accountsHandlers,
  ...drawersHandlers,
  ...stockHandlers,
  ...stockroomHandlers,
  ...stocktakeHandlers,
  ...purchasingHandlers,
  ...claimsHandlers,
  ...statementsHandlers,
  ...backupsHandlers,
  ...reportsHandlers,
  ...syncHandlers,
  ...conflictsHandlers,
  ...devicesHandlers,
  ...tasksHandlers,
  ...referralsHandlers,
  ...interopHandlers,
  ...communicationsHandlers,
  ...notificationsHandlers,
  ...calendarFeedsHandlers,
};
