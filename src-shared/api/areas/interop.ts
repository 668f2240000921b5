import { z } from 'zod';
import { procedure } from '../procedure';
import { MAX_FHIR_FILE_CHARS, type FhirImportReport } from '../../interop/fhir-import';
import { isIsoDate } from '../../patients/dates';
import { backupFolder } from './backups';
import { atMost, dateText, optionalId } from '../../validation';
import {
  CSV_DATE_FORMATS,
  CSV_ENCODINGS,
  CSV_FIELDS,
  CSV_TARGETS,
  MAX_CSV_FILE_BYTES,
  type CsvImportReport,
  type CsvPreview,
} from '../../interop/csv-import';

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

const date = dateText(isIsoDate);

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

const exportProcedures = {
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

/**
 * CSV import with a mapping (issue 21): the file travels as base64 so its bytes reach main undecoded
 * and the chosen encoding (UTF-8 or Windows-1252) is applied there. The preview reads the remembered
 * mapping; the import's dry run is the import rolled back, like FHIR's.
 */
const MAX_CSV_BASE64_CHARS = Math.ceil(MAX_CSV_FILE_BYTES / 3) * 4;
const csvFile = {
  fileName: z.string().trim().max(255, atMost(255)).default(''),
  contentBase64: z
    .string()
    .max(MAX_CSV_BASE64_CHARS, atMost(MAX_CSV_BASE64_CHARS, `must be at most ${MAX_CSV_FILE_BYTES / 1024 / 1024} MiB`))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file as base64')
    .refine((text) => text.length > 0, 'the file is empty'),
  target: z.enum(CSV_TARGETS, { error: `must be one of ${CSV_TARGETS.join(', ')}` }),
  sourceName: z.string().trim().max(80, atMost(80)).default(''),
};
const csvEncoding = z.enum(CSV_ENCODINGS, { error: `must be one of ${CSV_ENCODINGS.join(', ')}` });
const csvDateFormat = z.enum(CSV_DATE_FORMATS, { error: `must be one of ${CSV_DATE_FORMATS.join(', ')}` });

export const csvPreviewInput = z.object({
  ...csvFile,
  encoding: csvEncoding.optional(),
  dateFormat: csvDateFormat.optional(),
});

export const csvImportInput = z
  .object({
    ...csvFile,
    encoding: csvEncoding,
    dateFormat: csvDateFormat,
    /** Column header → desk field; '' leaves the column out. */
    mapping: z
      .record(z.string().max(200, atMost(200)), z.string().max(40, atMost(40)))
      .refine((mapping) => Object.keys(mapping).length <= 500, 'at most 500 columns'),
    dryRun: z.boolean({ error: 'must be on or off' }).default(false),
  })
  .superRefine((input, ctx) => {
    const fields: readonly string[] = CSV_FIELDS[input.target];
    for (const [header, field] of Object.entries(input.mapping))
      if (field !== '' && !fields.includes(field))
        ctx.addIssue({ code: 'custom', path: ['mapping', header], message: `is not a field of ${input.target}` });
  });
export type CsvImportInput = z.output<typeof csvImportInput>;

export const interopProcedures = {
  'interop.previewCsv': procedure<CsvPreview>()({ input: csvPreviewInput, access: 'interop:import', kind: 'read' }),
  'interop.importCsv': procedure<CsvImportReport>()({ input: csvImportInput, access: 'interop:import', kind: 'write' }),
  ...exportProcedures,
  'interop.importFhirDryRun': procedure<FhirImportReport>()({
    input: importInput,
    access: 'interop:import',
    kind: 'write',
  }),
  'interop.importFhir': procedure<FhirImportReport>()({ input: importInput, access: 'interop:import', kind: 'write' }),
};
