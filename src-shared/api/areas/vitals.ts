import { z } from 'zod';
import { procedure } from '../procedure';
import type { VitalsRecord } from '../../visits/model';
import { atMost, id } from '../../validation';

/** vitals.*: measurements a nurse records at intake, stored in SI units. */

/** A measurement: a finite number or nothing. */
const measurement = z.number({ error: 'must be a number' }).nullish();
const wholeMeasurement = z.number({ error: 'must be a whole number' }).int('must be a whole number').nullish();

export const vitalsProcedures = {
  /**
   * Records vitals for the patient shown on the intake screen. `units` are the ones the form showed
   * (a settings change meanwhile cannot turn 98.6 °F into 98.6 °C); values are stored in SI units.
   */
  'vitals.record': procedure<VitalsRecord>()({
    input: z.object({
      patientId: id('a patient'),
      visitId: id('a visit').optional(),
      units: z.object({
        temperature: z.enum(['C', 'F'], { error: 'must be C or F' }),
        system: z.enum(['metric', 'imperial'], { error: 'must be metric or imperial' }),
      }),
      systolic: wholeMeasurement,
      diastolic: wholeMeasurement,
      pulse: wholeMeasurement,
      respRate: wholeMeasurement,
      temperature: measurement,
      spo2: wholeMeasurement,
      weight: measurement,
      height: measurement,
      pain: z
        .number({ error: 'must be a whole number from 0 to 10' })
        .int('must be a whole number from 0 to 10')
        .min(0, 'must be 0 to 10')
        .max(10, 'must be 0 to 10')
        .nullish(),
      chiefComplaint: z.string().trim().max(500, atMost(500)).nullish(),
      allergiesReviewed: z.boolean().default(false),
      /** Fields whose unusual values the nurse confirmed. */
      confirmImplausible: z
        .array(
          z.enum(['systolic', 'diastolic', 'pulse', 'respRate', 'temperature', 'spo2', 'weight', 'height', 'pain']),
        )
        .max(9)
        .default([]),
    }),
    access: 'vitals:write',
    kind: 'write',
  }),
  'vitals.history': procedure<VitalsRecord[]>()({
    input: z.object({ patientId: id('a patient'), limit: z.number().int().min(1).max(200).default(50) }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
};
