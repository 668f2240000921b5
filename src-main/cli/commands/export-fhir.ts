import { resolve } from 'node:path';
import { isLocalDate } from '../../../src-shared/scheduling/time';
import { exportFhir, ExportFolderError } from '../../core/interop/fhir/export/exporter';
import { parseOptions, UsageError } from '../args';
import { openCore } from '../data-folder';
import { auditCli } from '../system-actor';

/**
 * `clinic export fhir --data DIR --out DIR [--patient ID] [--from DATE --to DATE] [--inline-documents]`:
 * the clinic (or one patient, or the patients seen in a date range) as FHIR R4 Bundles and bulk
 * NDJSON with a manifest, into a new or empty folder. Progress goes to standard error, the summary to
 * standard output.
 */
export async function exportFhirCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    out: { type: 'string', required: true },
    patient: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'inline-documents': { type: 'boolean' },
  });
  const { from, to, patient } = options;
  if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isLocalDate(value))
      throw new UsageError(`--${name} must be a date as YYYY-MM-DD (got "${value}")`);
  }
  if (from !== undefined && to !== undefined && to < from) throw new UsageError('--to must not be before --from');
  if (patient !== undefined && from !== undefined) throw new UsageError('--patient and --from/--to do not go together');
  const scope =
    patient !== undefined
      ? { kind: 'patient' as const, patientId: patient }
      : from !== undefined && to !== undefined
        ? { kind: 'range' as const, from, to }
        : { kind: 'clinic' as const };
  const outDir = resolve(options.out ?? '');
  const core = await openCore(options.data ?? '', options['key-file']);
  try {
    const started = performance.now();
    const result = await exportFhir(core.database.db, {
      scope,
      inlineDocuments: options['inline-documents'],
      outDir,
      now: Date.now(),
      onProgress: ({ done, total }) => process.stderr.write(`Exported ${done} of ${total} patients\n`),
    });
    await auditCli(
      core.database.db,
      'interop.exportFhir',
      {
        scope: scope.kind,
        from: from ?? null,
        to: to ?? null,
        inlineDocuments: options['inline-documents'],
        folder: outDir,
        patients: result.patients,
        counts: result.counts,
      },
      patient !== undefined ? { type: 'patient', id: patient } : undefined,
    );
    const lines = Object.entries(result.counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, count]) => `  ${type.padEnd(22)} ${count}`);
    console.log(
      [
        `Exported ${result.patients} patients as FHIR R4 into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
        ...lines,
        `  ${result.bundles.length} patient bundles in bundles/, manifest in manifest.json`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportFolderError) {
      console.error(`clinic: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await core.close();
  }
}
