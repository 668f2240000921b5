import type { Permission } from '../../../../src-shared/api/permissions';
import { listOpenConflicts, resolveConflict } from '../../conflicts/service';
import type { HandlerContext, HandlersFor } from '../context';

const mayOf = (ctx: HandlerContext) => (permission: Permission) => ctx.session?.permissions.has(permission) ?? false;

export const conflictsHandlers: HandlersFor<'conflicts.list' | 'conflicts.resolve'> = {
  'conflicts.list': (ctx, input) => listOpenConflicts(ctx.db, input, mayOf(ctx)),
  'conflicts.resolve': async (ctx, input) => {
    ctx.audit.targetType = 'conflict';
    ctx.audit.targetId = input.conflictId;
    const view = await resolveConflict(ctx.db, input, ctx.actor, mayOf(ctx), ctx.now);
    ctx.audit.details = { kind: view.kind, note: input.note, first: view.first, second: view.second };
    ctx.broadcast('conflicts.changed', { found: 0 });
    return view;
  },
};
