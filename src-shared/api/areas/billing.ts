import { z } from 'zod';
import { procedure } from '../procedure';
import { localDate, locale, methodKind, seriesPrefix, taxRounding } from '../../billing/fields';
import type { BillingSettings, BillingSetup, PaymentMethodView } from '../../billing/model';
import { clearableText, id, requiredText } from '../../validation';

/** billing.*: the clinic's billing settings, this desk's invoice series and the payment methods. */
export const billingProcedures = {
  /** Everything the billing set-up screen shows: settings, desk, taxes, services, fee schedules, type services, methods. */
  'billing.setup': procedure<BillingSetup>()({ input: z.object({}), access: 'billing:read', kind: 'read' }),
  'billing.settings': procedure<BillingSettings>()({ input: z.object({}), access: 'billing:read', kind: 'read' }),
  'billing.updateSettings': procedure<BillingSettings>()({
    input: z
      .object({
        clinicAddress: clearableText(300),
        taxNumber: clearableText(40),
        locale,
        taxRounding,
        /** Nothing may be entered, reversed or counted on this date or before; null removes the lock. */
        lockDate: localDate.nullable(),
        paymentTermsDays: z
          .number()
          .int('must be whole days')
          .min(0, 'must not be negative')
          .max(365, 'must be at most 365'),
        numberDigits: z
          .number()
          .int('must be a whole number')
          .min(4, 'must be at least 4')
          .max(10, 'must be at most 10'),
      })
      .partial(),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** This desk's name and invoice series prefix (each desk its own: two desks offline never make the same number). */
  'billing.updateDesk': procedure<BillingSettings>()({
    input: z.object({ name: requiredText(60), seriesPrefix }).partial(),
    access: 'settings:manage',
    kind: 'write',
  }),
  /** Adds a payment method (no id) or renames / retires one. */
  'billing.saveMethod': procedure<PaymentMethodView>()({
    input: z.object({
      methodId: id('a payment method').optional(),
      name: requiredText(60),
      kind: methodKind,
      active: z.boolean().optional(),
    }),
    access: 'settings:manage',
    kind: 'write',
  }),
};
