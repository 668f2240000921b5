import { ApiError } from '../../../../src-shared/api/errors';
import { markRead, notificationsFor, setShown } from '../../notifications/service';
import type { HandlersFor } from '../context';
import { callerOf } from './tasks';

export const notificationsHandlers: HandlersFor<
  'notifications.list' | 'notifications.markRead' | 'notifications.setShown'
> = {
  'notifications.list': async (ctx) => {
    const list = await notificationsFor(ctx.db, callerOf(ctx), ctx.now);
    // An audited read: task titles may name patients. The keys say what was shown.
    ctx.audit.targetType = 'notifications';
    ctx.audit.details = { keys: list.items.map((item) => item.key) };
    return list;
  },
  'notifications.markRead': async (ctx, input) => {
    const userId = ctx.session?.userId;
    if (!userId || ctx.session?.system) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
    ctx.audit.targetType = 'notifications';
    ctx.audit.details = { keys: input.keys };
    return markRead(ctx.db, userId, input.keys, ctx.now);
  },
  'notifications.setShown': async (ctx, input) => {
    const userId = ctx.session?.userId;
    if (!userId || ctx.session?.system) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
    ctx.audit.targetType = 'notifications';
    ctx.audit.details = { kind: input.kind, onScreen: input.onScreen };
    return setShown(ctx.db, userId, input, ctx.now);
  },
};
