import { present } from '../../../../src-shared/billing/present';
import {
  saveSchedule,
  saveService,
  saveTax,
  setTypeServices,
  toService,
  toTax,
  billingSetup,
} from '../../billing/setup';
import { billingContext } from '../../billing/context';
import { findService, findTax } from '../../billing/setup-repository';
import type { HandlersFor } from '../context';
import { billingChanged } from './billing-common';

export const feesHandlers: HandlersFor<
  'fees.saveTax' | 'fees.saveService' | 'fees.saveSchedule' | 'fees.setTypeServices'
> = {
  'fees.saveTax': async (ctx, input) => {
    const id = await saveTax(ctx.db, input.taxId ?? null, input, ctx.now);
    billingChanged(
      ctx,
      'setup',
      { type: 'tax', id },
      { name: input.name, ratePpm: input.ratePpm, inclusive: input.inclusive },
    );
    return toTax(present(await findTax(ctx.db, id), 'the saved tax'));
  },
  'fees.saveService': async (ctx, input) => {
    const id = await saveService(ctx.db, input.serviceId ?? null, input, ctx.now);
    billingChanged(
      ctx,
      'setup',
      { type: 'service', id },
      { code: input.code, defaultPriceMinor: input.defaultPriceMinor },
    );
    return toService(present(await findService(ctx.db, id), 'the saved service'));
  },
  'fees.saveSchedule': async (ctx, input) => {
    const id = await saveSchedule(ctx.db, input.scheduleId ?? null, input, ctx.now);
    billingChanged(ctx, 'setup', { type: 'feeSchedule', id }, { name: input.name, payer: input.payer });
    const setup = await billingSetup(ctx.db, await billingContext(ctx.db, ctx.now));
    return present(
      setup.schedules.find((schedule) => schedule.id === id),
      'the saved schedule',
    );
  },
  'fees.setTypeServices': async (ctx, input) => {
    await setTypeServices(ctx.db, input, ctx.now);
    billingChanged(ctx, 'setup', { type: 'appointmentType', id: input.typeId }, { services: input.services });
    const setup = await billingSetup(ctx.db, await billingContext(ctx.db, ctx.now));
    return present(
      setup.typeServices.find((type) => type.typeId === input.typeId),
      'the type',
    );
  },
};
