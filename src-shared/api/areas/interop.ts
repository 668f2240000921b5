import { z } from 'zod';
import { procedure } from '../procedure';
import { MAX_FHIR_FILE_CHARS, type FhirImportReport } from '../../interop/fhir-import';
import { atMost } from '../../validation';

/**
 * Moving in (issue 21): a FHIR R4 file (a Bundle, one resource, or NDJSON) read into the clinic. The dry
 * run is the import undone: the same code runs and its writes are rolled back, so what it says is what
 * the import will do. Administrators only: one file can register hundreds of patients.
 */
const importInput = z.object({
  fileName: z.string().trim().max(255, atMost(255)).default(''),
  text: z
    .string()
    .max(MAX_FHIR_FILE_CHARS, atMost(MAX_FHIR_FILE_CHARS, `must be at most ${MAX_FHIR_FILE_CHARS / 1024 / 1024} MiB`))
    .refine((text) => text.trim().length > 0, 'the file is empty'),
});
export type FhirImportInput = z.output<typeof importInput>;

export const interopProcedures = {
  'interop.importFhirDryRun': procedure<FhirImportReport>()({
    input: importInput,
    access: 'interop:import',
    kind: 'write',
  }),
  'interop.importFhir': procedure<FhirImportReport>()({ input: importInput, access: 'interop:import', kind: 'write' }),
};
