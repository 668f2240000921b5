import { basename } from 'node:path';
import type { Core } from '../../core/app';
import {
  badLinesOf,
  dryRunNdjsonStream,
  importNdjsonStream,
  type StreamReport,
  type StreamTick,
} from '../../core/interop/fhir/import/ndjson-import';
import { PlanError } from '../../core/interop/fhir/import/ndjson-plan';
import { UsageError } from '../args';
import { auditCli, cliActorName, invokeAsSystem } from '../system-actor';

/**
 * `clinic import fhir FILE.ndjson|FOLDER ... --data DIR [--dry-run]`: bulk NDJSON of any size, streamed
 * (issue 21). Each batch is its own interop.importFhir call, committed as it goes; progress on standard
 * error, the report with the peak memory on standard output.
 */

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)} min ${whole % 60} s` : `${whole} s`;
}

/** One line of progress: lines and resources done, the rate, and the time left at that rate. */
export function progressLine(tick: StreamTick): string {
  const rate = tick.seconds > 0 ? tick.resources / tick.seconds : 0;
  const share = tick.bytesTotal > 0 ? tick.bytesDone / tick.bytesTotal : 1;
  const left = share > 0 ? (tick.seconds * (1 - share)) / share : Number.POSITIVE_INFINITY;
  return (
    `  ${tick.linesRead.toLocaleString('en')} lines read, ${tick.resources.toLocaleString('en')} resources done ` +
    `(${tick.created.toLocaleString('en')} created), ${Math.round(rate).toLocaleString('en')} resources/s, ` +
    `${Math.floor(share * 100)}%, about ${duration(left)} left`
  );
}

/** Peak resident memory of this process so far (ru_maxrss is in KiB on Linux). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function streamReportLines(report: StreamReport): string[] {
  const verb = report.dryRun ? 'would be ' : '';
  const lines = [
    report.dryRun
      ? `Dry run (streamed): nothing was changed. ${report.resources} resources read from ${report.files} file(s).`
      : `Imported (streamed): ${report.resources} resources read from ${report.files} file(s).`,
  ];
  for (const [type, counts] of Object.entries(report.counts))
    lines.push(
      `  ${type}: ${counts.created} ${verb}created, ${counts.updated} ${verb}updated, ${counts.skipped} skipped`,
    );
  if (report.notImported.length > 0)
    lines.push(
      `  Not kept by Front Desk: ${report.notImported.map((item) => `${item.resourceType} (${item.count})`).join(', ')}`,
    );
  if (report.sentToDuplicateReview > 0)
    lines.push(
      `  ${report.sentToDuplicateReview} patient(s) look like someone already registered: see Patients → Duplicates.`,
    );
  if (report.badLineCount > 0) {
    lines.push('', `${report.badLineCount} line(s) could not be read and were left out:`);
    for (const bad of report.badLines) lines.push(`  ${basename(bad.path)} line ${bad.line} ${bad.problem}`);
    if (report.badLineCount > report.badLines.length)
      lines.push(`  … and ${report.badLineCount - report.badLines.length} more`);
  }
  if (report.noteCount > 0) lines.push('', 'Per resource:');
  for (const note of report.notes)
    lines.push(
      `  ${basename(note.path)} line ${note.line} ${note.resourceType} ${note.label}: ${note.outcome} — ${note.reason}`,
    );
  if (report.noteCount > report.notes.length) lines.push(`  … and ${report.noteCount - report.notes.length} more`);
  const rate = report.seconds > 0 ? Math.round(report.resources / report.seconds) : report.resources;
  lines.push(
    '',
    `Took ${duration(report.seconds)} (${rate} resources/s); peak memory (RSS) ${peakRssMiB().toFixed(0)} MiB.`,
  );
  return lines;
}

/** Progress to standard error: over itself on a terminal, a line every few seconds otherwise. */
function progressPrinter(): (tick: StreamTick) => void {
  let printedAt = -Infinity;
  return (tick) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${progressLine(tick)}   `);
    else if (tick.seconds - printedAt >= 5) {
      printedAt = tick.seconds;
      process.stderr.write(`${progressLine(tick)}\n`);
    }
  };
}

export async function importNdjsonCommand(
  core: Core,
  paths: readonly string[],
  options: { dryRun: boolean; batch?: number; skipBadLines?: boolean },
): Promise<number> {
  const onProgress = progressPrinter();
  try {
    // A malformed file is refused whole before anything is imported, unless told to leave its bad lines out.
    if (!options.dryRun && !options.skipBadLines) {
      const bad = await badLinesOf(paths);
      if (bad.count > 0) {
        console.error(
          [
            `Nothing was imported: ${bad.count} line(s) could not be read.`,
            ...bad.first.map((line) => `  ${basename(line.path)} line ${line.line} ${line.problem}`),
            ...(bad.count > bad.first.length ? [`  … and ${bad.count - bad.first.length} more`] : []),
            'Fix them, or run again with --skip-bad-lines to import everything else and leave them out.',
          ].join('\n'),
        );
        return 1;
      }
    }
    const report = options.dryRun
      ? await dryRunNdjsonStream(core.database.db, paths, {
          actor: { userId: null, username: cliActorName(), displayName: null },
          now: Date.now(),
          onProgress,
          maxLines: options.batch,
        })
      : await importNdjsonStream(paths, {
          dryRun: false,
          onProgress,
          maxLines: options.batch,
          runBatch: (batch) =>
            invokeAsSystem(core, 'interop.importFhir', {
              fileName: `${basename(batch.path)} lines ${batch.lineNumbers[0]}–${batch.lineNumbers.at(-1)}`.slice(-255),
              text: batch.text,
            }),
        });
    if (process.stderr.isTTY) process.stderr.write('\n');
    // The import's batches are audited one by one through the router; the dry run, which is not a call, here.
    if (options.dryRun)
      await auditCli(core.database.db, 'interop.importFhirDryRun', {
        files: paths.map((path) => basename(path)),
        dryRun: true,
        streamed: true,
        total: report.resources,
        counts: report.counts,
        badLines: report.badLineCount,
      });
    console.log(streamReportLines(report).join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
}
