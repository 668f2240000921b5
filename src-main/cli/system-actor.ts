import type { Kysely } from 'kysely';
import { appendAudit } from '../core/audit/repository';
import type { Database } from '../core/db/schema';

/** What the admin CLI does is audited under this name: it runs as the operating-system user. */
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
      actorUsername: `cli:${process.env.USER ?? 'unknown'}`,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      outcome: 'ok',
      details,
    }),
  );
}
