import type { ProcedureName, Output } from '../../../src-shared/api/contract';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import type { KindOf, ParsedInputOf, ProcedureKind } from '../../../src-shared/api/procedure';
import type { Contract } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import type { Actor } from '../actor';
import type { Session, SessionStore } from '../auth/sessions';
import type { SignInLimits } from '../auth/sign-in-limits';
import type { Clock } from '../clock';
import type { DemoMaker } from '../demo/demo-maker';
import type { Kysely } from 'kysely';
import type { DbFor } from '../db/handles';
import type { Database } from '../db/schema';
import type { EventBus } from '../events/bus';
import type { ReminderRunner } from '../reminders/runner';
import type { BackupKeeper } from '../backups/service';
import type { SyncRuntime } from '../sync/runtime';
import type { SyncClient } from '../sync/client';
import type { ConflictSettler } from '../conflicts/settler';

/** What lives as long as the open database: shared by every call. */
export interface CoreState {
  db: Kysely<Database>;
  clock: Clock;
  sessions: SessionStore;
  /** Failed sign-ins per client and in all, in memory like the sessions. */
  signIns: SignInLimits;
  events: EventBus;
  /** Cached from settings so the idle check costs no query per call; refreshed when settings change. */
  lockTimeoutMinutes: number;
  /** Plans and sends reminders; procedures only ask it to run, after their transaction. */
  reminders: ReminderRunner;
  /** Backups and the recovery key: the only holder of the database file and key after open. */
  backups: BackupKeeper;
  /** Who the sync capture triggers record as acting: the router sets it around each transaction. */
  sync: SyncRuntime;
  /** Closes conflicts a local write settled, after its commit (conflicts/settler.ts). */
  conflicts: ConflictSettler;
  /** Talks to the clinic's sync server: enrolment, push and pull (null until the core has made it). */
  syncClient: SyncClient;
  /** Makes the demo clinic asked for on the set-up screen, after the asking call has committed. */
  demo: DemoMaker;
  /**
   * Where this computer serves calendar subscriptions (`http://127.0.0.1:<port>`), set by the host that
   * serves them: the browser-mode web host, or the desktop app's feed host. Null while none does.
   */
  calendarFeedOrigin: string | null;
}

/** What a handler may note for the audit entry the router writes. */
export interface AuditNote {
  actor?: { userId: string | null; username: string | null };
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * What a handler gets. `Kind` is its procedure's kind: a `write` handler's `db` is the router's
 * transaction (`WriteDb`); a `read` handler's is a `ReadDb`, which has no write methods. A helper
 * shared by both kinds takes the default (`HandlerContext`, whose `db` is only good for reading).
 */
export interface HandlerContext<Kind extends ProcedureKind = ProcedureKind> {
  /** The transaction for writes and audited reads; the plain handle for other reads. */
  db: DbFor<Kind>;
  now: number;
  clientId: string;
  session: Session | null;
  /** Who acts, from the session (all null without one): the one shape every service takes. */
  actor: Actor;
  audit: AuditNote;
  state: CoreState;
  /** Queued, and delivered only once the transaction has committed. */
  broadcast<T extends EventTopic>(topic: T, payload: EventMap[T]): void;
  sendTo<T extends EventTopic>(clientId: string, topic: T, payload: EventMap[T]): void;
  /** Work that must wait for this call's commit (and is skipped if it rolls back). */
  afterCommit(work: () => void): void;
}

export type Handler<N extends ProcedureName> = (
  ctx: HandlerContext<KindOf<Contract[N]>>,
  input: ParsedInputOf<Contract[N]>,
) => Promise<Output<N>>;
export type Handlers = { [N in ProcedureName]: Handler<N> };
export type HandlersFor<Names extends ProcedureName> = { [N in Names]: Handler<N> };

/**
 * Thrown by a handler whose work up to now must be kept although the call fails: a failed login
 * records the failure (for throttling and the audit log) and still answers "wrong password".
 */
export class CommitThenFail extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CommitThenFail';
    this.error = error;
  }
}

export function requireSession(ctx: HandlerContext): Session {
  if (!ctx.session) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
  return ctx.session;
}
