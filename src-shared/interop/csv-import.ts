/** CSV import with a mapping (issue 21): what the screen, the CLI and main share. */

/** The largest file read in one call, in bytes; sent as base64 it stays under the hosts' request limit. */
export const MAX_CSV_FILE_BYTES = 4 * 1024 * 1024;
/** Rows in one file: a clinic's whole register fits, a runaway export is refused before any work. */
export const MAX_CSV_ROWS = 50_000;
/** How many rows the preview shows. */
export const CSV_PREVIEW_ROWS = 5;

export const CSV_TARGETS = ['patients', 'appointments'] as const;
export type CsvTarget = (typeof CSV_TARGETS)[number];

export const CSV_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

/** The desk fields a column can fill, per target, in the order the screen lists them. */
export const CSV_FIELDS = {
  patients: [
    'externalId',
    'firstName',
    'middleName',
    'lastName',
    'preferredName',
    'dob',
    'sex',
    'email',
    'mobilePhone',
    'homePhone',
    'workPhone',
    'addressLine1',
    'addressLine2',
    'city',
    'region',
    'postalCode',
    'country',
    'preferredLanguage',
    'notes',
  ],
  appointments: [
    'externalId',
    'patientExternalId',
    'patientFirstName',
    'patientLastName',
    'patientDob',
    'provider',
    'type',
    'date',
    'time',
    'durationMinutes',
    'status',
    'reason',
    'notes',
  ],
} as const satisfies Record<CsvTarget, readonly string[]>;

export type CsvPatientField = (typeof CSV_FIELDS.patients)[number];
export type CsvAppointmentField = (typeof CSV_FIELDS.appointments)[number];
export type CsvField = CsvPatientField | CsvAppointmentField;

/** Fields a row cannot be imported without (an appointment also needs its patient, by id or by name and birth). */
export const CSV_REQUIRED = {
  patients: ['firstName', 'lastName', 'dob'],
  appointments: ['provider', 'date', 'time'],
} as const satisfies Record<CsvTarget, readonly string[]>;

/** Column header → desk field ('' or absent: the column is left out). */
export type CsvMapping = Record<string, string>;

export interface CsvPreview {
  headers: string[];
  /** The first rows as read, one string per header. */
  rows: string[][];
  totalRows: number;
  /** The remembered mapping for this source and target, else the one guessed from the headers. */
  mapping: CsvMapping;
  /** Where the mapping came from. */
  mappingFrom: 'remembered' | 'guessed';
  dateFormat: CsvDateFormat;
  encoding: CsvEncoding;
}

/** One thing wrong with a row: the row as a spreadsheet numbers it (the header is row 1) and the column. */
export interface CsvRowError {
  row: number;
  /** The header of the column at fault, or null when the row as a whole was refused. */
  column: string | null;
  message: string;
}

export type CsvRowOutcome = 'created' | 'skipped' | 'error';

export interface CsvRowResult {
  row: number;
  label: string;
  outcome: CsvRowOutcome;
  /** Why skipped (already imported), or what to know (sent to the duplicate review, booked). */
  note: string | null;
  errors: CsvRowError[];
}

export interface CsvImportReport {
  dryRun: boolean;
  target: CsvTarget;
  total: number;
  created: number;
  skipped: number;
  errors: number;
  sentToDuplicateReview: number;
  rows: CsvRowResult[];
  /** The rows with errors as CSV: the original columns and an "error" column, to fix and import again. */
  errorCsv: string;
}
