import type { Kysely } from 'kysely';
import type { ReminderRunSummary } from '../../../src-shared/api/areas/reminders';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import type { ReminderClaims } from './claims';
import { readClinicFacts } from './message';
import { planReminders } from './planner';
import { SEND_BATCH, sendDue } from './sender';
import { readReminderConfig } from './settings';
import type { ReminderTransport } from './transport';

export const REMINDER_SWEEP_MS = 60_000;
const MAX_BATCHES_PER_RUN = 20;

/**
 * One reminder sweep at a time: plan what is missing, then send what is due. Hosts call `run`
 * every minute; `reminders.sendNow` calls `request` (after its transaction, without waiting);
 * tests call `run` with their own clock. A run asked for while one is going starts when it ends.
 */
export class ReminderRunner {
  #running: Promise<ReminderRunSummary> | null = null;
  #again = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly transport: ReminderTransport,
    private readonly notify: (summary: ReminderRunSummary) => void,
    /** On a desk connected to a sync server: which reminders this desk sends (sender.ts). */
    private readonly claims: ReminderClaims | null = null,
  ) {}

  run(): Promise<ReminderRunSummary> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#sweep().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.request();
      }
    });
    return this.#running;
  }

  /** Resolves once no run is going (before the database closes). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  /** Starts a run in the background; errors go to the log, the rows keep their state. */
  request(): void {
    this.run().catch((error: unknown) => console.error('[front-desk] reminder sweep failed:', error));
  }

  async #sweep(): Promise<ReminderRunSummary> {
    const facts = await readClinicFacts(this.db);
    if (!facts) return { planned: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const config = await readReminderConfig(this.db);
    // Planning writes (BEGIN IMMEDIATE): skipped when no channel is on, as on most desks most minutes.
    const anyChannel = config.emailEnabled || config.smsEnabled;
    const planned = anyChannel
      ? await this.db.transaction().execute((trx) => planReminders(trx, config, facts, this.clock()))
      : 0;
    const summary: ReminderRunSummary = { planned, sent: 0, retrying: 0, failed: 0, skipped: 0 };
    // Batch after batch while batches come back full (a backlog after days switched off), bounded
    // so that one run cannot go on for ever.
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const outcome = await sendDue(this.db, config, facts, this.transport, this.clock, this.claims);
      summary.sent += outcome.sent;
      summary.retrying += outcome.retrying;
      summary.failed += outcome.failed;
      summary.skipped += outcome.skipped;
      if (outcome.examined < SEND_BATCH) break;
    }
    if (summary.planned + summary.sent + summary.retrying + summary.failed + summary.skipped > 0) this.notify(summary);
    return summary;
  }
}
