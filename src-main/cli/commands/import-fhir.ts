import { readFileSync, statSync } from 'node:fs';
import { contract } from '../../../src-shared/api/contract';
import type { EventMap } from '../../../src-shared/api/events';
import {
  MAX_FHIR_FILE_CHARS,
  NOT_A_VITAL_REASON,
  type FhirImportReport,
} from '../../../src-shared/interop/fhir-import';
import { validateInput } from '../../core/api/validate';
import { parseOptions, UsageError } from '../args';
import { openCore } from '../data-folder';
import { invokeAsSystem } from '../system-actor';
import { isStreamed } from '../../core/interop/fhir/import/ndjson-plan';
import { importNdjsonCommand } from './import-ndjson';

/** The report as lines of text: the same counts, reasons and lists the Move in screen shows. */
export function reportLines(report: FhirImportReport): string[] {
  const lines = [
    report.dryRun
      ? `Dry run: nothing was changed. ${report.total} resources read.`
      : `Imported: ${report.total} resources read.`,
  ];
  for (const [type, counts] of Object.entries(report.counts)) {
    const verb = report.dryRun ? 'would be ' : '';
    lines.push(
      `  ${type}: ${counts.created} ${verb}created, ${counts.updated} ${verb}updated, ${counts.skipped} skipped`,
    );
  }
  if (report.notImported.length > 0)
    lines.push(
      `  Not kept by Front Desk: ${report.notImported.map((item) => `${item.resourceType} (${item.count})`).join(', ')}`,
    );
  if (report.sentToDuplicateReview > 0)
    lines.push(
      `  ${report.sentToDuplicateReview} patient(s) look like someone already registered: see Patients → Duplicates.`,
    );
  const notable = report.lines.filter((line) => line.reason !== null && line.reason !== NOT_A_VITAL_REASON);
  if (notable.length > 0) lines.push('', 'Per resource:');
  for (const line of notable)
    lines.push(`  #${line.position} ${line.resourceType} ${line.label}: ${line.outcome} — ${line.reason ?? ''}`);
  return lines;
}

/**
 * `clinic import fhir FILE --data DIR [--dry-run]`: through the router as the system, in one transaction.
 * NDJSON files (`.ndjson`, `.jsonl`), a bulk export's folder, or any file with --stream, are streamed
 * instead (import-ndjson.ts): any size, committed batch by batch.
 */
export async function importFhirCommand(argv: string[]): Promise<number> {
  const firstOption = argv.findIndex((arg) => arg.startsWith('--'));
  const paths = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const rest = firstOption < 0 ? [] : argv.slice(firstOption);
  const [file] = paths;
  if (!file) throw new UsageError('give the FHIR file to import: clinic import fhir FILE --data DIR');
  const options = parseOptions(rest, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    'dry-run': { type: 'boolean' },
    stream: { type: 'boolean' },
    batch: { type: 'string' },
    'skip-bad-lines': { type: 'boolean' },
  });
  const batch = options.batch === undefined ? undefined : Number(options.batch);
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1 || batch > 20_000))
    throw new UsageError('--batch must be a whole number of resources from 1 to 20000');
  const streamed = options.stream || isStreamed(paths);
  if (!streamed && paths.length > 1)
    throw new UsageError('give one Bundle file at a time; several files are read as NDJSON (.ndjson, or --stream)');
  if (streamed) {
    const core = await openCore(options.data ?? '', options['key-file']);
    try {
      return await importNdjsonCommand(core, paths, {
        dryRun: options['dry-run'],
        batch,
        skipBadLines: options['skip-bad-lines'],
      });
    } finally {
      await core.close();
    }
  }
  if (statSync(file).size > MAX_FHIR_FILE_CHARS * 4)
    throw new UsageError(
      `${file} is larger than one file the import reads whole: export it as NDJSON (.ndjson), which is streamed`,
    );
  const input = validateInput(contract['interop.importFhir'].input, {
    fileName: file,
    text: readFileSync(file, 'utf8'),
  });
  const core = await openCore(options.data ?? '', options['key-file']);
  const stop = core.subscribe('admin-cli', (topic, payload) => {
    if (topic !== 'interop.importProgress') return;
    const progress = payload as EventMap['interop.importProgress'];
    process.stderr.write(`\r  ${progress.done} of ${progress.total} resources`);
  });
  try {
    const report = await invokeAsSystem(
      core,
      options['dry-run'] ? 'interop.importFhirDryRun' : 'interop.importFhir',
      input,
    );
    process.stderr.write('\n');
    console.log(reportLines(report).join('\n'));
    return 0;
  } finally {
    stop();
    await core.close();
  }
}
