import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { ApiError, fieldError } from '../../../../src-shared/api/errors';
import {
  CSV_FIELDS,
  CSV_PREVIEW_ROWS,
  type CsvDateFormat,
  type CsvEncoding,
  type CsvImportReport,
  type CsvMapping,
  type CsvPreview,
  type CsvRowResult,
  type CsvTarget,
} from '../../../../src-shared/interop/csv-import';
import type { Actor } from '../../actor';
import type { ReadDb } from '../../db/handles';
import type { Database } from '../../db/schema';
import { findDuplicates } from '../../patients/duplicate-check';
import { createPatient, draftOf, patientContext, today } from '../../patients/service';
import { clinicClock } from '../../scheduling/config';
import { findLink, saveLink } from '../fhir/import/link-repository';
import { planAppointment, writeAppointment, type AppointmentContext } from './appointments';
import { inRowSavepoint } from './csv-repository';
import { guessMapping } from './guess';
import { mapPatientRow, patientLabelOf } from './map-patient';
import { findMapping, saveMapping } from './mapping-repository';
import { decodeCsv, parseCsv } from './read-csv';
import { MappedRow } from './row';

export interface CsvFileOptions {
  target: CsvTarget;
  /** The system the file came from; its mapping is remembered under this name. */
  sourceName: string;
  encoding?: CsvEncoding;
  dateFormat?: CsvDateFormat;
}

/** Headers, the first rows and the mapping: remembered for this source if there is one, else guessed. */
export async function previewCsv(db: ReadDb, bytes: Uint8Array, options: CsvFileOptions): Promise<CsvPreview> {
  const saved = options.sourceName ? await findMapping(db, options.sourceName, options.target) : undefined;
  const encoding = options.encoding ?? saved?.encoding ?? 'utf-8';
  const table = parseCsv(decodeCsv(bytes, encoding));
  const remembered = saved && table.headers.some((header) => saved.mapping[header]);
  return {
    headers: table.headers,
    rows: table.rows.slice(0, CSV_PREVIEW_ROWS),
    totalRows: table.rows.length,
    mapping: remembered
      ? Object.fromEntries(table.headers.map((header) => [header, saved.mapping[header] ?? '']))
      : guessMapping(options.target, table.headers),
    mappingFrom: remembered ? 'remembered' : 'guessed',
    dateFormat: options.dateFormat ?? saved?.dateFormat ?? 'YYYY-MM-DD',
    encoding,
  };
}

export interface CsvImportOptions {
  target: CsvTarget;
  sourceName: string;
  encoding: CsvEncoding;
  dateFormat: CsvDateFormat;
  mapping: CsvMapping;
  actor: Actor;
  now: number;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/** A field mapped from two columns would make the import pick one silently: refused, naming both. */
function checkMapping(target: CsvTarget, headers: string[], mapping: CsvMapping): void {
  const known: readonly string[] = CSV_FIELDS[target];
  const seen = new Map<string, string>();
  for (const header of headers) {
    const field = mapping[header];
    if (!field) continue;
    if (!known.includes(field)) throw fieldError('mapping', `"${field}" is not a field of ${target}`);
    const other = seen.get(field);
    if (other) throw fieldError('mapping', `${field} is mapped from two columns, "${other}" and "${header}"`);
    seen.set(field, header);
  }
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/**
 * The key a row is remembered by in fhir_import_links: its id in the other system when a column holds
 * one, else a hash of what it says (so the same row read again is recognised, a corrected one is new).
 */
function rowKey(target: CsvTarget, sourceKey: string, row: MappedRow, content: unknown): string {
  const external = row.value('externalId');
  return `csv|${target}|${sourceKey}|${external ? `id:${external}` : `row:${hashOf(content)}`}`.slice(0, 600);
}

interface RowWork {
  label: string;
  key: string;
  write: () => Promise<{ table: string; id: string; note: string | null; review: boolean }>;
}

async function patientWork(db: Kysely<Database>, options: CsvImportOptions, row: MappedRow, sourceKey: string) {
  const input = mapPatientRow(row, options.dateFormat);
  if (!input) return null;
  return {
    label: patientLabelOf(row),
    key: rowKey('patients', sourceKey, row, input),
    write: async () => {
      const context = await patientContext(db);
      const candidates = (
        await findDuplicates(db, context, today(context, options.now), draftOf(input, input.nationalId ?? null))
      ).filter((candidate) => candidate.strength === 'strong');
      // A likely duplicate is never merged by an import: it is registered and the pair waits in the review.
      const record = await createPatient(db, input, options.actor.userId, options.now, 'review');
      const first = candidates[0];
      return {
        table: 'patients',
        id: record.id,
        review: first !== undefined,
        note: first
          ? `likely the same person as ${first.patient.name} (${first.patient.mrn}); sent to the duplicate review, not merged`
          : null,
      };
    },
  } satisfies RowWork;
}

async function appointmentWork(context: AppointmentContext, row: MappedRow) {
  const plan = await planAppointment(context, row);
  if (!plan) return null;
  return {
    label: plan.label,
    key: rowKey('appointments', context.sourceKey, row, plan),
    write: async () => {
      const written = await writeAppointment(context, plan);
      return { table: 'appointments', id: written.id, note: written.note, review: false };
    },
  } satisfies RowWork;
}

function errorCsv(headers: string[], results: CsvRowResult[], cells: Map<number, string[]>): string {
  const bad = results.filter((result) => result.outcome === 'error');
  if (bad.length === 0) return '';
  return Papa.unparse({
    fields: [...headers, 'error'],
    data: bad.map((result) => [
      ...(cells.get(result.row) ?? []),
      result.errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message)).join('; '),
    ]),
  });
}

/**
 * Reads the file and brings its good rows in, in the caller's transaction (the router's), each row in a
 * savepoint so a refused row leaves nothing behind. Rows with errors are reported and returned as CSV.
 */
export async function importCsv(
  db: Kysely<Database>,
  bytes: Uint8Array,
  options: CsvImportOptions,
): Promise<CsvImportReport> {
  const table = parseCsv(decodeCsv(bytes, options.encoding));
  checkMapping(options.target, table.headers, options.mapping);
  const sourceKey = options.sourceName.trim().toLocaleLowerCase() || 'csv';
  if (options.sourceName.trim()) await saveMapping(db, options.sourceName.trim(), options.target, options, options.now);
  const { timeZone } = await clinicClock(db);
  const context: AppointmentContext = {
    db,
    actor: options.actor,
    now: options.now,
    timeZone,
    dateFormat: options.dateFormat,
    sourceKey,
  };
  const results: CsvRowResult[] = [];
  const cells = new Map<number, string[]>();
  let review = 0;
  const total = table.rows.length;
  const every = Math.max(1, Math.floor(total / 50));
  for (const [index, values] of table.rows.entries()) {
    const row = new MappedRow(index + 2, values, table.headers, options.mapping);
    cells.set(row.row, values);
    const work =
      options.target === 'patients'
        ? await patientWork(db, options, row, sourceKey)
        : await appointmentWork(context, row);
    if (!work) {
      results.push({ row: row.row, label: `Row ${row.row}`, outcome: 'error', note: null, errors: row.errors });
    } else if (await findLink(db, work.key)) {
      results.push({ row: row.row, label: work.label, outcome: 'skipped', note: 'already imported', errors: [] });
    } else {
      try {
        const written = await inRowSavepoint(db, async () => {
          const done = await work.write();
          await saveLink(
            db,
            {
              sourceKey: work.key,
              resourceType: `csv:${options.target}`,
              localTable: done.table,
              localId: done.id,
              contentHash: work.key,
            },
            options.now,
          );
          return done;
        });
        if (written.review) review += 1;
        results.push({ row: row.row, label: work.label, outcome: 'created', note: written.note, errors: [] });
      } catch (error) {
        if (!(error instanceof ApiError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
        const message =
          options.target === 'appointments' ? `the booking rules refused it: ${error.message}` : error.message;
        results.push({
          row: row.row,
          label: work.label,
          outcome: 'error',
          note: null,
          errors: [{ row: row.row, column: null, message }],
        });
      }
    }
    const done = index + 1;
    if (options.onProgress && (done % every === 0 || done === total)) await options.onProgress(done, total);
  }
  const count = (outcome: CsvRowResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  return {
    dryRun: options.dryRun,
    target: options.target,
    total,
    created: count('created'),
    skipped: count('skipped'),
    errors: count('error'),
    sentToDuplicateReview: review,
    rows: results,
    errorCsv: errorCsv(table.headers, results, cells),
  };
}
