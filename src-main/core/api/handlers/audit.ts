import { listAudit, verifyAuditChain } from '../../audit/repository';
import type { HandlersFor } from '../context';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.verify': (ctx) => verifyAuditChain(ctx.db),
};
