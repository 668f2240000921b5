import type { HandlersFor } from '../context';
import { listDevices, makeEnrolmentCode, renameDevice, revokeDevice } from '../../sync/devices';

// `read` procedures (see the contract): they ask the sync server; the service audits on this desk.
export const devicesHandlers: HandlersFor<'devices.list' | 'devices.enrolCode' | 'devices.rename' | 'devices.revoke'> =
  {
    'devices.list': (ctx) => listDevices(ctx.state.syncClient, ctx.actor),
    'devices.enrolCode': (ctx, input) => makeEnrolmentCode(ctx.state.syncClient, ctx.actor, input.hours),
    'devices.rename': (ctx, input) => renameDevice(ctx.state.syncClient, ctx.actor, input.deviceId, input.name),
    'devices.revoke': (ctx, input) => revokeDevice(ctx.state.syncClient, ctx.actor, input.deviceId),
  };
