import type { Kysely } from 'kysely';
import {
  NOT_A_VITAL_REASON,
  type FhirImportCounts,
  type FhirImportReport,
} from '../../../../../src-shared/interop/fhir-import';
import type { Actor } from '../../../actor';
import type { Database } from '../../../db/schema';
import { importFhir } from './importer';
import { planNdjson } from './ndjson-plan';
import {
  bytesToRead,
  findBadLines,
  ndjsonBatches,
  type BadLine,
  type Batch,
  type StreamProgress,
} from './ndjson-stream';

/**
 * A streamed import of NDJSON files of any size (issue 21): batch by batch, each batch imported and
 * committed on its own (by the caller's `runBatch`: the CLI sends it through the router as
 * interop.importFhir), so memory holds one batch and a run stopped half-way keeps what it committed.
 * Run again, every resource already brought in is skipped as unchanged (its identifier is remembered
 * with the id it is referred to by), and the rest is imported. The report adds up the batches'.
 */

/** What the report keeps of resources with a reason: the first ones, then only a count. */
const KEPT_NOTES = 100;

export interface StreamNote {
  path: string;
  line: number;
  resourceType: string;
  label: string;
  outcome: string;
  reason: string;
}

export interface StreamReport {
  dryRun: boolean;
  files: number;
  linesRead: number;
  /** Resources handed to the import (bad lines are not). */
  resources: number;
  counts: Record<string, FhirImportCounts>;
  notImported: { resourceType: string; count: number }[];
  sentToDuplicateReview: number;
  badLines: BadLine[];
  badLineCount: number;
  notes: StreamNote[];
  noteCount: number;
  seconds: number;
}

export interface StreamTick extends StreamProgress {
  resources: number;
  created: number;
  seconds: number;
}

export interface StreamImportOptions {
  dryRun: boolean;
  runBatch: (batch: Batch) => Promise<FhirImportReport>;
  onProgress?: (tick: StreamTick) => void;
  maxLines?: number;
}

function add(report: StreamReport, batch: Batch, part: FhirImportReport, others: Map<string, number>): void {
  report.resources += part.total;
  report.sentToDuplicateReview += part.sentToDuplicateReview;
  for (const [type, counts] of Object.entries(part.counts)) {
    const sum = (report.counts[type] ??= { created: 0, updated: 0, skipped: 0 });
    sum.created += counts.created;
    sum.updated += counts.updated;
    sum.skipped += counts.skipped;
  }
  for (const other of part.notImported)
    others.set(other.resourceType, (others.get(other.resourceType) ?? 0) + other.count);
  for (const line of part.lines) {
    if (line.reason === null || line.reason === NOT_A_VITAL_REASON || line.reason === 'already imported, unchanged')
      continue;
    report.noteCount += 1;
    if (report.notes.length < KEPT_NOTES)
      report.notes.push({
        path: batch.path,
        line: batch.lineNumbers[line.position - 1] ?? line.position,
        resourceType: line.resourceType,
        label: line.label,
        outcome: line.outcome,
        reason: line.reason,
      });
  }
}

export async function importNdjsonStream(
  paths: readonly string[],
  options: StreamImportOptions,
): Promise<StreamReport> {
  const files = planNdjson(paths);
  const started = performance.now();
  const progress: StreamProgress = { bytesDone: 0, bytesTotal: bytesToRead(files), linesRead: 0 };
  const report: StreamReport = {
    dryRun: options.dryRun,
    files: files.length,
    linesRead: 0,
    resources: 0,
    counts: {},
    notImported: [],
    sentToDuplicateReview: 0,
    badLines: [],
    badLineCount: 0,
    notes: [],
    noteCount: 0,
    seconds: 0,
  };
  const others = new Map<string, number>();
  const onBadLine = (bad: BadLine) => {
    report.badLineCount += 1;
    if (report.badLines.length < KEPT_NOTES) report.badLines.push(bad);
  };
  for await (const batch of ndjsonBatches(files, progress, { onBadLine, maxLines: options.maxLines })) {
    add(report, batch, await options.runBatch(batch), others);
    const created = Object.values(report.counts).reduce((sum, counts) => sum + counts.created, 0);
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ ...progress, resources: report.resources, created, seconds });
  }
  report.linesRead = progress.linesRead;
  report.notImported = [...others].map(([resourceType, count]) => ({ resourceType, count }));
  report.notImported.sort((a, b) => b.count - a.count || a.resourceType.localeCompare(b.resourceType));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The lines of the files the import could not read (the first hundred) and how many there are. */
export async function badLinesOf(paths: readonly string[]): Promise<{ count: number; first: BadLine[] }> {
  const first: BadLine[] = [];
  const count = await findBadLines(planNdjson(paths), (bad) => {
    if (first.length < KEPT_NOTES) first.push(bad);
  });
  return { count, first };
}

/** Rolls the dry run's transaction back once its report is made. */
class DryRunDone extends Error {}

/**
 * The streamed dry run: the import itself, batch by batch, in ONE transaction that is then rolled back,
 * so a reference to a resource an earlier batch "created" resolves exactly as in the import, and the
 * report (duplicates, booking refusals and all) is what the import will do. Nothing is kept.
 */
export async function dryRunNdjsonStream(
  db: Kysely<Database>,
  paths: readonly string[],
  options: { actor: Actor; now: number; onProgress?: (tick: StreamTick) => void; maxLines?: number },
): Promise<StreamReport> {
  let report: StreamReport | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      report = await importNdjsonStream(paths, {
        dryRun: true,
        maxLines: options.maxLines,
        onProgress: options.onProgress,
        runBatch: (batch) => importFhir(trx, batch.text, { actor: options.actor, now: options.now, dryRun: true }),
      });
      throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  if (!report) throw new Error('the dry run made no report');
  return report;
}
