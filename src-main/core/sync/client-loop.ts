import { MAX_PULL_WAIT_MS } from '../../../src-shared/sync/protocol';

export interface LoopOptions {
  /** How long one long poll waits on the server for other desks' changes. */
  waitMs?: number;
  /** How often the outbox is looked at while waiting, so this desk's own changes leave promptly. */
  checkMs?: number;
  maxBackoffMs?: number;
}

export interface SyncLoop {
  stop(): Promise<void>;
}

interface LoopWork {
  round(): Promise<unknown>;
  waitForChanges(waitMs: number, signal: AbortSignal): Promise<void>;
  waiting(): number;
}

/**
 * A round, then a long poll that ends when another desk pushes or this desk writes (more changes
 * waiting than after the round); after a failure it waits 1 s, 2 s, 4 s… up to `maxBackoffMs`
 * (a minute) before the next round. `stop` ends the poll at once and waits for a round in flight.
 */
export function runSyncLoop(work: LoopWork, options: LoopOptions = {}): SyncLoop {
  const waitMs = options.waitMs ?? MAX_PULL_WAIT_MS;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let stopped = false;
  let poll: AbortController | null = null;
  let wake: (() => void) | null = null;
  let waitingBefore = 0;
  const checker = setInterval(() => {
    try {
      if (work.waiting() > waitingBefore) poll?.abort();
    } catch {
      // The database is closing: the loop is being stopped.
    }
  }, options.checkMs ?? 1_000);
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = (async () => {
    let failures = 0;
    while (!stopped) {
      // One turn of the event loop per round: a round and a poll that both answer at once (nothing to
      // do, a server that returns straight away) would otherwise chain promises forever and starve
      // every timer and request of this process.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stopped) break;
      try {
        await work.round();
        failures = 0;
        if (stopped) break;
        waitingBefore = work.waiting();
        poll = new AbortController();
        await work.waitForChanges(waitMs, poll.signal);
      } catch {
        if (stopped) break;
        failures += 1;
        await sleep(Math.min(maxBackoffMs, 1000 * 2 ** Math.min(failures - 1, 10)));
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(checker);
      poll?.abort();
      wake?.();
      await done;
    },
  };
}
