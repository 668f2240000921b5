import type { Kysely } from 'kysely';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import { ApiError } from '../../src-shared/api/errors';
import type { Core } from '../core/app';
import { appendAudit } from '../core/audit/repository';
import type { Database } from '../core/db/schema';

/** What the admin CLI does is audited under this name: it runs as the operating-system user. */
export function cliActorName(): string {
  return `cli:${process.env.USER ?? 'unknown'}`;
}

const CLI_CLIENT = 'admin-cli';

/**
 * Calls a procedure as the system through the router, the one door into core: the write and its
 * audit entry commit in one transaction. A refusal is thrown as the ApiError the router gave.
 */
export async function invokeAsSystem<N extends ProcedureName>(
  core: Core,
  name: N,
  input: Input<N>,
): Promise<Output<N>> {
  core.openSystemSession(CLI_CLIENT, cliActorName());
  try {
    const result = await core.invoke(CLI_CLIENT, name, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
    return result.value as Output<N>;
  } finally {
    core.disconnect(CLI_CLIENT);
  }
}

/** An audit entry on its own, for what is not a procedure (backup, restore, seeding). */
export async function auditCli(
  db: Kysely<Database>,
  action: string,
  details: Record<string, unknown>,
  target?: { type: string; id: string },
) {
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: Date.now(),
      actorUserId: null,
      actorUsername: cliActorName(),
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      outcome: 'ok',
      details,
    }),
  );
}
