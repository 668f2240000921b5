import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { closeSettledConflicts } from './close';
import { hasOpenConflicts } from './repository';

/**
 * Closes the conflicts a local write settled (a double-booked appointment moved, a lot topped up, a
 * duplicate merged) without waiting for the next sync's detection pass: the inbox and the banners
 * clear as soon as the person who fixed it saves. It runs after the write's commit, in its own short
 * transaction, one pass at a time (writes during a pass ask for one more), and only while this desk
 * holds open conflicts — a desk with none pays one query after its first write, then nothing.
 */
export class ConflictSettler {
  readonly #db: Kysely<Database>;
  readonly #clock: () => number;
  readonly #onClosed: (closed: number) => void;
  /** Whether open conflicts exist here; null until read, and again after a sync may have found some. */
  #open: boolean | null = null;
  /** Counts forget()s: a pass's reading taken before a sync applied must not overwrite what it forgot. */
  #generation = 0;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(db: Kysely<Database>, clock: () => number, onClosed: (closed: number) => void) {
    this.#db = db;
    this.#clock = clock;
    this.#onClosed = onClosed;
  }

  /** A sync applied other desks' changes: conflicts may have been found (or closed) since. */
  forget(): void {
    this.#open = null;
    this.#generation += 1;
  }

  /** A local write committed. */
  afterWrite(): void {
    if (this.#open === false) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass()
      .catch((error: unknown) => console.error('[front-desk] closing settled conflicts failed:', error))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.afterWrite();
        }
      });
  }

  /** Waits for a pass in flight (closing the database must not cut one short). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #pass(): Promise<void> {
    const generation = this.#generation;
    const read = async () => {
      const open = await hasOpenConflicts(this.#db);
      this.#open = generation === this.#generation ? open : null;
      return open;
    };
    if (this.#open === null && !(await read())) return;
    const closed = await this.#db.transaction().execute((trx) => closeSettledConflicts(trx, this.#clock()));
    await read();
    if (closed > 0) this.#onClosed(closed);
  }
}
