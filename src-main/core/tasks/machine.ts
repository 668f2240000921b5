import type { TaskStatus } from '../../../src-shared/tasks/model';

/**
 * The task state machine: open → done, or open → cancelled (with a reason). Done and cancelled are
 * final; a task done by mistake is a new task. Pure, so the refusals are tested without a database.
 */

export type TaskMove = 'done' | 'cancelled';

const TRANSITIONS: Record<TaskStatus, readonly TaskMove[]> = {
  open: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

const WORDS: Record<TaskStatus, string> = { open: 'open', done: 'done', cancelled: 'cancelled' };

export type TaskPlan = { ok: true } | { ok: false; field: 'to' | 'reason'; reason: string };

export function allowedTaskMoves(status: TaskStatus): readonly TaskMove[] {
  return TRANSITIONS[status];
}

/** Whether a task may move, or why not in words a person reads next to the button. */
export function planTaskMove(status: TaskStatus, to: TaskMove, cancelReason: string | null = null): TaskPlan {
  if (!TRANSITIONS[status].includes(to)) {
    return {
      ok: false,
      field: 'to',
      reason:
        status === to
          ? `This task is already ${WORDS[status]}.`
          : `A task that is ${WORDS[status]} cannot become ${WORDS[to]}: it is closed (make a new task instead).`,
    };
  }
  if (to === 'cancelled' && !cancelReason?.trim()) {
    return { ok: false, field: 'reason', reason: 'say why the task is cancelled' };
  }
  return { ok: true };
}
