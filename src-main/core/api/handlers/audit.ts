import { listAudit, verifyAuditChain } from '../../audit/repository';
import { verifyDeviceChains } from '../../audit/device-chains';
import { contract } from '../../../../src-shared/api/contract';
import type { HandlersFor } from '../context';

/** The procedures whose every call is audited as a view of patient data: the "record views" of the log. */
const RECORD_VIEWS: readonly string[] = Object.entries(contract)
  .filter(([, def]) => def.kind === 'read' && def.phi === true)
  .map(([name]) => name);

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, { ...input, recordViews: RECORD_VIEWS }),
  'audit.verify': async (ctx) => ({ ...(await verifyAuditChain(ctx.db)), devices: await verifyDeviceChains(ctx.db) }),
};
