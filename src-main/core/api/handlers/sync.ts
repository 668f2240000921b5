import type { HandlersFor } from '../context';

export const syncHandlers: HandlersFor<'sync.status' | 'sync.enrol' | 'sync.join' | 'sync.now' | 'sync.publishSeed'> = {
  'sync.status': (ctx) => Promise.resolve(ctx.state.syncClient.status()),
  // `read` procedures (see the contract): the client writes the enrolment and its audit entry itself.
  'sync.enrol': (ctx, input) => ctx.state.syncClient.enrol(input, 'first', ctx.actor),
  'sync.join': async (ctx, input) => {
    await ctx.state.syncClient.enrol(input, 'join', ctx.actor);
    // The first round takes the clinic (its staff among it) before answering, so the set-up screen can
    // go straight to sign-in. A failed round is in the status; the loop tries again.
    await ctx.state.syncClient.syncOnce().catch(() => null);
    return ctx.state.syncClient.status();
  },
  'sync.publishSeed': async (ctx) => {
    const published = await ctx.state.syncClient.publishSeed();
    return { size: published.size, chunks: published.chunks, cursor: published.cursor };
  },
  'sync.now': async (ctx) => {
    // A failed round is already in the status (offline, the error): the caller reads it there.
    await ctx.state.syncClient.syncOnce().catch(() => null);
    return ctx.state.syncClient.status();
  },
};
