import { contract, isProcedureName, type ProcedureName } from '../../../src-shared/api/contract';
import { ApiError, type ApiErrorData, type Result } from '../../../src-shared/api/errors';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import type { AnyProcedure } from '../../../src-shared/api/procedure';
import { appendAudit } from '../audit/repository';
import { asWriteDb } from '../db/handles';
import { actorOf } from '../actor';
import { storageError } from '../db/storage-errors';
import type { Session } from '../auth/sessions';
import { validateInput } from './validate';
import { translateError } from '../../../src-shared/refusals/translate';
import { clinicLanguage } from '../settings/repository';
import { CommitThenFail, type AuditNote, type CoreState, type HandlerContext, type Handlers } from './context';

type Delivery = () => void;

/**
 * The single door into core: checks the session and permission, then validates input with the
 * procedure's schema, runs the handler (in one transaction when it writes), audits, and answers with data.
 */
export function createRouter(state: CoreState, handlers: Handlers) {
  async function invoke(clientId: string, name: string, rawInput: unknown): Promise<Result<unknown>> {
    try {
      if (!isProcedureName(name)) throw new ApiError('NOT_FOUND', `There is no procedure named ${name}.`);
      const def: AnyProcedure = contract[name];
      const now = state.clock();
      // Admission first: a caller without a session or the permission never gets its input parsed, so
      // nothing it sends (however large or crafted) reaches a schema's checks.
      const session = await admit(clientId, name, def, now);
      const input = validateInput(def.input, rawInput ?? {});
      const value = await run(clientId, name, def, input, session, now);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: await inAskersLanguage(clientId, toErrorData(error, name)) };
    }
  }

  async function admit(clientId: string, name: ProcedureName, def: AnyProcedure, now: number): Promise<Session | null> {
    const session = state.sessions.get(clientId) ?? null;
    if (def.access === 'public') return session;
    if (!session) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
    if (!session.locked && now - session.lastActivityAt > state.lockTimeoutMinutes * 60_000) {
      session.locked = true;
      await audited({ at: now, session, action: 'auth.idleLock', outcome: 'ok' });
    }
    if (session.locked) throw new ApiError('LOCKED', 'The screen is locked. Enter your password to continue.');
    if (def.access !== 'session' && !session.permissions.has(def.access)) {
      await audited({ at: now, session, action: name, outcome: 'denied', details: { missing: def.access } });
      throw new ApiError(
        'FORBIDDEN',
        `Your role (${session.role}) may not do this: it needs the ${def.access} permission.`,
      );
    }
    session.lastActivityAt = now;
    return session;
  }

  async function run(
    clientId: string,
    name: ProcedureName,
    def: AnyProcedure,
    input: unknown,
    session: Session | null,
    now: number,
  ) {
    const deliveries: Delivery[] = [];
    const audit: AuditNote = {};
    const makeContext = (db: HandlerContext['db']): HandlerContext => ({
      db,
      now,
      clientId,
      session,
      actor: actorOf(session),
      audit,
      state,
      broadcast: <T extends EventTopic>(topic: T, payload: EventMap[T]) =>
        deliveries.push(() => state.events.broadcast(topic, payload, (id) => canReceive(id))),
      sendTo: <T extends EventTopic>(target: string, topic: T, payload: EventMap[T]) =>
        deliveries.push(() => state.events.sendTo(target, topic, payload)),
      afterCommit: (work: () => void) => deliveries.push(work),
    });
    // Each handler's context type follows its procedure's kind; the `kind` read here is the same
    // declaration, and the handle passed below follows it (a WriteDb only for a write).
    const handler = handlers[name] as unknown as (ctx: HandlerContext, input: unknown) => Promise<unknown>;

    if (def.kind === 'read' && !def.phi) return handler(makeContext(state.db), input);

    let failure: ApiError | undefined;
    // A `phi` read writes only its audit entry, and its commit does not wait for the disk ('read only':
    // see db/dialect.ts and "Audited reads" in docs/architecture.md); writes commit with synchronous=FULL.
    const transaction =
      def.kind === 'read' ? state.db.transaction().setAccessMode('read only') : state.db.transaction();
    const value = await transaction.execute(async (trx) => {
      const ctx = makeContext(def.kind === 'write' ? asWriteDb(trx) : trx);
      let result: unknown = null;
      // The connection is this transaction's until it ends, so no other write can run under this user.
      state.sync.userId = session && !session.system ? session.userId : null;
      try {
        result = await handler(ctx, input);
      } catch (error) {
        if (!(error instanceof CommitThenFail)) throw error;
        failure = error.error;
      } finally {
        state.sync.userId = null;
      }
      const actor =
        audit.actor ??
        (ctx.session
          ? { userId: ctx.session.system ? null : ctx.session.userId, username: ctx.session.username }
          : null);
      await appendAudit(trx, {
        at: now,
        actorUserId: actor?.userId ?? null,
        actorUsername: actor?.username ?? null,
        action: name,
        targetType: audit.targetType ?? null,
        targetId: audit.targetId ?? null,
        outcome: failure ? 'failed' : 'ok',
        details: failure ? { ...audit.details, reason: failure.code } : (audit.details ?? null),
      });
      return result;
    });
    for (const deliver of deliveries) deliver();
    // After the commit and off the answer's path: conflicts this change settled close now, not at the next sync.
    if (def.kind === 'write') state.conflicts.afterWrite();
    if (failure) throw failure;
    return value;
  }

  /** Only on the error path: the user's own language, else the clinic's (also before sign-in). */
  async function inAskersLanguage(clientId: string, error: ApiErrorData): Promise<ApiErrorData> {
    const own = state.sessions.get(clientId)?.language ?? null;
    const language = own ?? (await clinicLanguage(state.db));
    return language === 'en' ? error : translateError(error, language);
  }

  function canReceive(clientId: string): boolean {
    const session = state.sessions.get(clientId);
    return session !== undefined && !session.locked;
  }

  async function audited(entry: {
    at: number;
    session: Session;
    action: string;
    outcome: 'ok' | 'denied';
    details?: Record<string, unknown>;
  }) {
    await state.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: entry.at,
        actorUserId: entry.session.userId,
        actorUsername: entry.session.username,
        action: entry.action,
        outcome: entry.outcome,
        details: entry.details ?? null,
      }),
    );
  }

  return { invoke, canReceive };
}

export type Router = ReturnType<typeof createRouter>;

function toErrorData(error: unknown, name: string): ApiErrorData {
  if (error instanceof ApiError) return error.toData();
  const storage = storageError(error);
  if (storage) {
    console.error(`[front-desk] ${name} failed on storage:`, storage.cause);
    return { code: 'STORAGE', message: storage.message, details: { kind: storage.kind } };
  }
  console.error(`[front-desk] ${name} failed:`, error);
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Front Desk; nothing was saved. The details are in the log.',
  };
}
