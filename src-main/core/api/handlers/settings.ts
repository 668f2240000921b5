import { requireSettings, updateSettings } from '../../settings/repository';
import { readSetupFacts } from '../../settings/checklist-repository';
import type { HandlerContext, HandlersFor } from '../context';

async function current(ctx: HandlerContext) {
  return requireSettings(ctx.db);
}

export const settingsHandlers: HandlersFor<'settings.get' | 'settings.update' | 'settings.checklist'> = {
  'settings.get': current,

  'settings.checklist': async (ctx) => {
    const facts = await readSetupFacts(ctx.db);
    return [
      { step: 'clinic', done: facts.country },
      { step: 'users', done: facts.otherUsers },
      { step: 'locations', done: facts.roomedLocation },
      { step: 'providers', done: facts.providerWithHours },
      { step: 'types', done: facts.activeType },
      { step: 'book', done: facts.anyAppointment },
    ];
  },

  'settings.update': async (ctx, input) => {
    const before = await current(ctx);
    await updateSettings(ctx.db, input, ctx.now);
    const after = await current(ctx);
    ctx.state.lockTimeoutMinutes = after.lockTimeoutMinutes;
    ctx.audit.targetType = 'settings';
    ctx.audit.details = Object.fromEntries(
      Object.keys(input).map((key) => [
        key,
        { from: before[key as keyof typeof before], to: after[key as keyof typeof after] },
      ]),
    );
    ctx.broadcast('settings.changed', { settings: after });
    return after;
  },
};
