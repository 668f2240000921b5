import type {
  CallOutcome,
  CommunicationDirection,
  CommunicationKind,
  DueState,
  TaskPriority,
  TaskRole,
  TaskStatus,
} from '../../../../src-shared/tasks/model';
import { localTimeOf } from '../../../../src-shared/scheduling/time';
import { useClockTime } from '../../format/clock-time';
import { formatDate } from '../../format/datetime';
import { i18next } from '../../i18n';
import { useClinicClock } from '../../stores/clinic-settings';

// The words for the desk-work codes main sends, from the catalogue.

export const priorityLabel = (priority: TaskPriority) => i18next.t(`tasks:labels.priority.${priority}`);
export const taskStatusLabel = (status: TaskStatus) => i18next.t(`tasks:labels.status.${status}`);
export const roleLabel = (role: TaskRole) => i18next.t(`tasks:labels.role.${role}`);
export const kindLabel = (kind: CommunicationKind) => i18next.t(`tasks:labels.kind.${kind}`);
export const directionLabel = (direction: CommunicationDirection) => i18next.t(`tasks:labels.direction.${direction}`);
export const outcomeLabel = (outcome: CallOutcome) => i18next.t(`tasks:labels.outcome.${outcome}`);

/** The word beside a due time: overdue ones are said, not only coloured. Null when nothing is to be said. */
export function dueWord(state: DueState): string | null {
  if (state === 'overdue') return i18next.t('tasks:labels.dueState.overdue');
  if (state === 'today') return i18next.t('tasks:labels.dueState.today');
  return null;
}

/** A due time or a contact's time as a person reads it: the clinic's date and its 12/24-hour clock, no seconds. */
export function useShortDateTime(): (ms: number) => string {
  const clock = useClinicClock();
  const time = useClockTime();
  return (ms) => `${formatDate(ms, clock)} ${time.hhmm(localTimeOf(clock.timeZone, ms))}`;
}
