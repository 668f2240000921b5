import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contract } from '../../../src-shared/api/contract';
import type { EventMap } from '../../../src-shared/api/events';
import { MAX_CSV_FILE_BYTES, type CsvImportReport, type CsvMapping } from '../../../src-shared/interop/csv-import';
import { validateInput } from '../../core/api/validate';
import { UsageError } from '../args';
import { openCore } from '../data-folder';
import { invokeAsSystem } from '../system-actor';

/** The report as lines of text: the same counts and per-row errors the Move in screen shows. */
export function csvReportLines(report: CsvImportReport, mapping: CsvMapping): string[] {
  const verb = report.dryRun ? 'would be created' : 'created';
  const lines = [
    report.dryRun ? `Dry run: nothing was changed. ${report.total} rows read.` : `Imported: ${report.total} rows read.`,
    `  Mapping: ${
      Object.entries(mapping)
        .filter(([, field]) => field)
        .map(([header, field]) => `${header}=${field}`)
        .join(', ') || 'no column mapped'
    }`,
    `  ${report.target}: ${report.created} ${verb}, ${report.skipped} skipped, ${report.errors} with errors`,
  ];
  if (report.sentToDuplicateReview > 0)
    lines.push(
      `  ${report.sentToDuplicateReview} patient(s) look like someone already registered: see Patients → Duplicates.`,
    );
  const notable = report.rows.filter((row) => row.outcome === 'error' || (row.note && row.outcome !== 'created'));
  if (notable.length > 0) lines.push('', 'Per row:');
  for (const row of notable) {
    if (row.outcome !== 'error') lines.push(`  row ${row.row} ${row.label}: ${row.outcome} — ${row.note ?? ''}`);
    for (const error of row.errors)
      lines.push(`  row ${error.row}${error.column ? `, column "${error.column}"` : ''}: ${error.message}`);
  }
  return lines;
}

const OPTIONS = {
  file: { type: 'string' },
  data: { type: 'string' },
  'key-file': { type: 'string' },
  target: { type: 'string' },
  source: { type: 'string' },
  encoding: { type: 'string' },
  'date-format': { type: 'string' },
  map: { type: 'string', multiple: true },
  errors: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `clinic import csv --file F --target patients|appointments --data DIR [--dry-run] [--source NAME]
 * [--encoding utf-8|windows-1252] [--date-format YYYY-MM-DD|DD/MM/YYYY|MM/DD/YYYY] [--map COLUMN=FIELD ...]
 * [--errors OUT.csv]`: the mapping is the remembered or guessed one with each --map laid over it; through
 * the router as the system, in one transaction.
 */
export async function importCsvCommand(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (!options.file) throw new UsageError('--file is required');
  if (!options.data) throw new UsageError('--data is required');
  if (options.target !== 'patients' && options.target !== 'appointments')
    throw new UsageError('--target must be patients or appointments');
  if (statSync(options.file).size > MAX_CSV_FILE_BYTES)
    throw new UsageError(`${options.file} is larger than the import accepts (${MAX_CSV_FILE_BYTES / 1024 / 1024} MiB)`);
  const overrides: CsvMapping = {};
  for (const pair of options.map ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map ${pair}: write it as COLUMN=FIELD (FIELD empty leaves the column out)`);
    overrides[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const file = {
    fileName: options.file,
    contentBase64: readFileSync(options.file).toString('base64'),
    target: options.target,
    sourceName: options.source ?? '',
  };
  const previewInput = validateInput(contract['interop.previewCsv'].input, {
    ...file,
    encoding: options.encoding,
    dateFormat: options['date-format'],
  });
  const core = await openCore(options.data, options['key-file']);
  const stop = core.subscribe('admin-cli', (topic, payload) => {
    if (topic !== 'interop.importProgress') return;
    const progress = payload as EventMap['interop.importProgress'];
    process.stderr.write(`\r  ${progress.done} of ${progress.total} rows`);
  });
  try {
    const preview = await invokeAsSystem(core, 'interop.previewCsv', previewInput);
    for (const header of Object.keys(overrides))
      if (!preview.headers.includes(header))
        throw new UsageError(`--map ${header}=…: the file has no column "${header}"`);
    const mapping = { ...preview.mapping, ...overrides };
    const input = validateInput(contract['interop.importCsv'].input, {
      ...file,
      encoding: preview.encoding,
      dateFormat: preview.dateFormat,
      mapping,
      dryRun: options['dry-run'] ?? false,
    });
    const report = await invokeAsSystem(core, 'interop.importCsv', input);
    process.stderr.write('\n');
    console.log(csvReportLines(report, mapping).join('\n'));
    if (options.errors && report.errorCsv) {
      writeFileSync(options.errors, `${report.errorCsv}\r\n`);
      console.log(
        `\nThe ${report.errors} row(s) with errors were written to ${options.errors}: fix them and import that file.`,
      );
    }
    return 0;
  } finally {
    stop();
    await core.close();
  }
}
