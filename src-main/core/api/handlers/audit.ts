import { listAudit, verifyAuditChain } from '../../audit/repository';
import { verifyDeviceChains } from '../../audit/device-chains';
import type { HandlersFor } from '../context';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.verify': async (ctx) => ({ ...(await verifyAuditChain(ctx.db)), devices: await verifyDeviceChains(ctx.db) }),
};
