import { z } from 'zod';
import { procedure } from '../procedure';
import { isIsoDate } from '../../patients/dates';
import { boundedString, optionalId } from '../../validation';
import { backupFolder } from './backups';

/** interop.exportFhir: the clinic's records as FHIR R4, so a clinic can move to another system (issue 21). */

export const FHIR_EXPORT_SCOPES = ['clinic', 'patient', 'range'] as const;
export type FhirExportScope = (typeof FHIR_EXPORT_SCOPES)[number];

export interface FhirExportSummary {
  /** The new folder the files were written into. */
  folder: string;
  patients: number;
  /** Resources per FHIR type in the NDJSON files. */
  counts: Record<string, number>;
  bundleFiles: number;
  /** For one patient: their Bundle as JSON text, which a browser can download; null otherwise. */
  patientBundle: { fileName: string; json: string } | null;
}

const date = boundedString(40).trim().refine(isIsoDate, 'must be a real date written as YYYY-MM-DD');

export const fhirExportInput = z
  .object({
    /** A folder on this computer; the export goes into a new folder inside it. */
    folder: backupFolder,
    scope: z.enum(FHIR_EXPORT_SCOPES, { error: `must be one of ${FHIR_EXPORT_SCOPES.join(', ')}` }),
    patientId: optionalId('a patient'),
    from: date.optional(),
    to: date.optional(),
    inlineDocuments: z.boolean({ error: 'must be on or off' }).default(false),
  })
  .superRefine((input, ctx) => {
    if (input.scope === 'patient' && !input.patientId)
      ctx.addIssue({ code: 'custom', path: ['patientId'], message: 'choose the patient to export' });
    if (input.scope === 'range') {
      if (!input.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be a date for a date range' });
      if (!input.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be a date for a date range' });
      if (input.from && input.to && input.to < input.from)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before the first date' });
    }
  });

export const fhirExportProcedures = {
  /**
   * Writes the export and answers what it wrote. An audited read (`phi`): it reads one consistent
   * snapshot and the audit log names who took which patients' records out. Administrators and
   * managers only (`settings:manage`, which only they hold).
   */
  'interop.exportFhir': procedure<FhirExportSummary>()({
    input: fhirExportInput,
    access: 'settings:manage',
    kind: 'read',
    phi: true,
  }),
};
