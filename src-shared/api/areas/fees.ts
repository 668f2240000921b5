import { z } from 'zod';
import { procedure } from '../procedure';
import { amountMinor, quantity, ratePpm, serviceCode } from '../../billing/fields';
import type { FeeScheduleView, ServiceView, TaxView, TypeServicesView } from '../../billing/model';
import { id, optionalId, optionalText, requiredText } from '../../validation';

/** fees.*: what is charged — taxes, services, fee schedules (self-pay and per payer), each appointment type's services. */
export const feesProcedures = {
  /** Adds a tax (no taxId) or changes one. Rates are parts per million: 20% is 200000. */
  'fees.saveTax': procedure<TaxView>()({
    input: z.object({
      taxId: id('a tax').optional(),
      name: requiredText(60),
      ratePpm,
      inclusive: z.boolean({ error: 'must be true (included in prices) or false (added to them)' }),
      active: z.boolean().optional(),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
  'fees.saveService': procedure<ServiceView>()({
    input: z.object({
      serviceId: id('a service').optional(),
      code: serviceCode,
      name: requiredText(120),
      defaultPriceMinor: amountMinor,
      taxId: optionalId('a tax'),
      active: z.boolean().optional(),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** A fee schedule: payer null is self-pay; prices maps service ids to prices (null: back to the default price). */
  'fees.saveSchedule': procedure<FeeScheduleView>()({
    input: z.object({
      scheduleId: id('a fee schedule').optional(),
      name: requiredText(80),
      payer: optionalText(120),
      active: z.boolean().optional(),
      prices: z.record(id('a service'), amountMinor.nullable()).optional(),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** The services an appointment type's visit is charged by default, in order. */
  'fees.setTypeServices': procedure<TypeServicesView>()({
    input: z.object({
      typeId: id('an appointment type'),
      services: z.array(z.object({ serviceId: id('a service'), quantity })).max(30, 'at most 30 services'),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
};
