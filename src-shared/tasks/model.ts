/** The desk's own work (issue 20): what tasks and the communication log are, as both sides see them. */

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Roles a task may be given to as a team ("all nurses"); the same ids as `roles`. */
export const TASK_ROLES = ['receptionist', 'nurse', 'provider', 'manager', 'admin'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

/** Where a task stands against its due time, on the clinic's clock. */
export type DueState = 'overdue' | 'today' | 'later' | 'none';

export interface TaskView {
  id: string;
  title: string;
  details: string | null;
  patientId: string | null;
  patientName: string | null;
  appointmentId: string | null;
  /** The appointment's start, to name it ("the appointment at 10:30 on 23 Nov"). */
  appointmentStart: number | null;
  assigneeUserId: string | null;
  assigneeRole: TaskRole | null;
  /** The person's name, or the role's label ("Nurses"). */
  assigneeName: string;
  dueAt: number | null;
  /** Due by the end of the clinic day (no time was given): `dueAt` is the next day's first instant. */
  dueAllDay: boolean;
  /** The clinic date it is due on (for an all-day task, the day itself, not the next one). */
  dueDate: string | null;
  dueState: DueState;
  priority: TaskPriority;
  status: TaskStatus;
  closedAt: number | null;
  closedByName: string | null;
  cancelReason: string | null;
  createdByName: string | null;
  createdAt: number;
  commentCount: number;
  /** What the caller may do with it now: the buttons the screen shows. */
  canComplete: boolean;
  canCancel: boolean;
}

export interface TaskCommentView {
  id: string;
  body: string;
  byName: string | null;
  at: number;
}

export interface TaskDetail {
  task: TaskView;
  comments: TaskCommentView[];
}

export interface TaskAssignees {
  users: { id: string; displayName: string; role: TaskRole }[];
  roles: { id: TaskRole; label: string }[];
}

export const COMMUNICATION_KINDS = ['call', 'letter', 'email', 'sms'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];
export const COMMUNICATION_DIRECTIONS = ['in', 'out'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];
export const CALL_OUTCOMES = ['spoke', 'voicemail', 'no_answer', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One line of a patient's communication log: a contact logged by staff, or a reminder the outbox sent. */
export interface CommunicationView {
  id: string;
  /** `logged`: entered by a person; `reminder`: sent (or failed) by the reminder outbox, read in by a join. */
  source: 'logged' | 'reminder';
  kind: CommunicationKind;
  direction: CommunicationDirection;
  outcome: CallOutcome | null;
  withWhom: string | null;
  subject: string;
  note: string | null;
  at: number;
  appointmentId: string | null;
  appointmentStart: number | null;
  followUpTaskId: string | null;
  byName: string | null;
  /** A reminder's delivery: sent, or failed with the reason the transport gave. */
  reminderStatus: 'sent' | 'failed' | null;
}
