import { present } from '../../../../src-shared/billing/present';
import { billingContext } from '../../billing/context';
import { billingSettings, billingSetup, saveMethod, toMethod, updateDesk, updateSettings } from '../../billing/setup';
import { findMethod } from '../../billing/setup-repository';
import type { HandlersFor } from '../context';
import { billingChanged } from './billing-common';

export const billingHandlers: HandlersFor<
  'billing.setup' | 'billing.settings' | 'billing.updateSettings' | 'billing.updateDesk' | 'billing.saveMethod'
> = {
  'billing.setup': async (ctx) => billingSetup(ctx.db, await billingContext(ctx.db, ctx.now)),
  'billing.settings': async (ctx) => billingSettings(ctx.db, await billingContext(ctx.db, ctx.now)),
  'billing.updateSettings': async (ctx, input) => {
    await updateSettings(ctx.db, await billingContext(ctx.db, ctx.now), input);
    billingChanged(ctx, 'setup', { type: 'billingSettings', id: 'billing' }, { changed: Object.keys(input) });
    if (input.lockDate !== undefined) ctx.audit.details = { ...ctx.audit.details, lockDate: input.lockDate };
    return billingSettings(ctx.db, await billingContext(ctx.db, ctx.now));
  },
  'billing.updateDesk': async (ctx, input) => {
    const before = await billingContext(ctx.db, ctx.now);
    await updateDesk(ctx.db, before, input);
    billingChanged(ctx, 'setup', { type: 'billingDesk', id: before.desk.desk_id }, { ...input });
    return billingSettings(ctx.db, await billingContext(ctx.db, ctx.now));
  },
  'billing.saveMethod': async (ctx, input) => {
    const id = await saveMethod(ctx.db, input.methodId ?? null, input, ctx.now);
    billingChanged(ctx, 'setup', { type: 'paymentMethod', id }, { name: input.name, kind: input.kind });
    return toMethod(present(await findMethod(ctx.db, id), 'the saved method'));
  },
};
