import { z } from 'zod';
import { procedure } from '../procedure';
import { allergyFields, allergyRemoval, patientId } from '../../patients/fields';
import type { PatientRecord } from '../../patients/model';
import { id } from '../../validation';

const visitId = id('a visit');

/**
 * The allergy review at the nurse's intake: add or take off an allergy of the patient whose visit is
 * on screen. The visit is named so main can refuse a write to any other patient, and nurses (who may
 * not edit the registration) may answer it.
 */
export const intakeProcedures = {
  'intake.addAllergy': procedure<PatientRecord>()({
    input: z.object({ visitId, patientId, ...allergyFields }),
    access: 'vitals:write',
    kind: 'write',
  }),
  'intake.removeAllergy': procedure<PatientRecord>()({
    input: z.object({ visitId, patientId, ...allergyRemoval }),
    access: 'vitals:write',
    kind: 'write',
  }),
};
