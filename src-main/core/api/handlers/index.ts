import type { Handlers } from '../context';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { calendarHandlers } from './calendar';
import { documentsHandlers } from './documents';
import { patientsHandlers } from './patients';
import { schedulingHandlers } from './scheduling';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import { usersHandlers } from './users';

/** Every procedure's implementation; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...settingsHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...patientsHandlers,
  ...schedulingHandlers,
  ...documentsHandlers,
  ...calendarHandlers,
};
