import type { DemoBuild } from '../../../src-shared/api/areas/system';

/**
 * Makes the demo clinic off the answer's path ("Try with sample data" on the set-up screen): the
 * seeding goes through the router as a new clinic's administrator would, so it cannot run inside the
 * procedure's own transaction. The set-up screen asks `system.status` how it goes.
 */
export class DemoMaker {
  private running: Promise<void> | null = null;
  private failure: string | null = null;

  constructor(private readonly make: (timeZone: string) => Promise<unknown>) {}

  /** Null before anyone asked (and after a demo was made: the clinic then says `demo`). */
  get build(): DemoBuild | null {
    if (this.running) return { state: 'running', message: null };
    return this.failure === null ? null : { state: 'failed', message: this.failure };
  }

  start(timeZone: string): void {
    if (this.running) return;
    this.failure = null;
    this.running = this.make(timeZone)
      .then(() => undefined)
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Closing waits for a demo being made, as it waits for a backup being written. */
  async idle(): Promise<void> {
    await this.running;
  }
}
