import { describe, expect, it } from 'vitest';
import { runSyncLoop } from '../../src-main/core/sync/client-loop';

describe('the desk’s sync loop', () => {
  it('leaves the rest of the process room to run when its rounds and polls answer at once', async () => {
    let rounds = 0;
    const loop = runSyncLoop(
      {
        round: () => {
          rounds += 1;
          return Promise.resolve();
        },
        waitForChanges: () => Promise.resolve(),
        waiting: () => 0,
      },
      { checkMs: 10 },
    );
    // A timer of this process still fires while the loop runs (it would never, were the loop to spin).
    await new Promise((resolve) => setTimeout(resolve, 20));
    await loop.stop();
    expect(rounds).toBeGreaterThan(0);
  });
});
